namespace Pipectl.Core.Orchestration;

/// <summary>One file of the first commit: its path in the repository ("/"-separated) and its bytes.</summary>
public sealed record SeedFile(string Path, byte[] Content);
