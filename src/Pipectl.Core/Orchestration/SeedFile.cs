namespace Pipectl.Core.Orchestration;

/// <summary>
/// One file of the first commit: its path in the repository ("/"-separated), its bytes and its git mode. For a
/// <see cref="SeedFileMode.Symlink"/> the bytes are the link's target, relative to the link's folder, as git stores it.
/// </summary>
public sealed record SeedFile(string Path, byte[] Content, SeedFileMode Mode = SeedFileMode.Normal);
