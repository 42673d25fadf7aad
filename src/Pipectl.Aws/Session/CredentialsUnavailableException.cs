using Pipectl.Core.Validation;

namespace Pipectl.Aws.Session;

/// <summary>No credentials could be found; nothing was sent to AWS.</summary>
public sealed class CredentialsUnavailableException(string message, Exception? inner = null) : Exception(message, inner), ICodedFailure
{
    public string ErrorCode => ErrorCodes.BadInput;
}
