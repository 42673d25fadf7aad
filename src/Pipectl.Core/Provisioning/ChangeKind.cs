namespace Pipectl.Core.Provisioning;

/// <summary>How one attribute of an existing resource differs from what is desired.</summary>
public enum ChangeKind
{
    /// <summary>Desired, not there yet (a statement, a tag, a setting AWS does not have).</summary>
    Added,

    /// <summary>There, no longer desired.</summary>
    Removed,

    /// <summary>There with another value.</summary>
    Changed,
}
