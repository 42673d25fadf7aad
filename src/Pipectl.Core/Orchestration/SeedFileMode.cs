namespace Pipectl.Core.Orchestration;

/// <summary>The git mode of a seed file: CodeCommit's <c>FileModeTypeEnum</c>.</summary>
public enum SeedFileMode
{
    /// <summary>A plain file (100644).</summary>
    Normal,

    /// <summary>A file with the executable bit (100755).</summary>
    Executable,

    /// <summary>A symbolic link (120000).</summary>
    Symlink,
}
