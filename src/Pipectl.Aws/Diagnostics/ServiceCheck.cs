namespace Pipectl.Aws.Diagnostics;

/// <summary>The result of one cheap read call against one service.</summary>
/// <param name="Endpoint">The endpoint URL the call went to when overridden (as configured, userinfo included: mask it
/// before showing it); null for AWS's default endpoint.</param>
public sealed record ServiceCheck(string Name, bool Ok, string? Error, string? Endpoint = null);
