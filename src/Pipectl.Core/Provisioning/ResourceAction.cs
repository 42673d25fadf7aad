namespace Pipectl.Core.Provisioning;

/// <summary>What happened to (or, in a dry run, would happen to) one resource.</summary>
public enum ResourceAction
{
    Created,
    Updated,
    Unchanged,
    Deleted,
    NotFound,

    /// <summary>Left in place on purpose: adopted (existed before pipectl) or kept by an option.</summary>
    Kept,
    WouldCreate,
    WouldUpdate,
    WouldDelete,
}
