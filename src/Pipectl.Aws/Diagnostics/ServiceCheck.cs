namespace Pipectl.Aws.Diagnostics;

/// <summary>The result of one cheap read call against one service.</summary>
public sealed record ServiceCheck(string Name, bool Ok, string? Error);
