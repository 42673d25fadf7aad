namespace Pipectl.Aws.Diagnostics;

/// <summary>One CodeConnections connection as <c>pipectl doctor</c> lists it: PENDING, AVAILABLE or ERROR.</summary>
public sealed record ConnectionCheck(string Name, string ProviderType, string Status);
