namespace Pipectl.Aws.Session;

/// <summary>No credentials could be found; nothing was sent to AWS.</summary>
public sealed class CredentialsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
