namespace Pipectl.Core.LocalFiles;

/// <summary>What a path names on disk, told without opening it (opening a FIFO blocks until a writer comes).</summary>
public enum LocalFileKind
{
    /// <summary>Nothing there.</summary>
    Missing,

    /// <summary>A regular file: the only kind pipectl reads.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A FIFO, a socket or a device such as /dev/zero: reading it could block forever or never end.</summary>
    Special,
}
