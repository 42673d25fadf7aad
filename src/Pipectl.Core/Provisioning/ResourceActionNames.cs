namespace Pipectl.Core.Provisioning;

/// <summary>The spelling of each action in the JSON output and on the terminal (DESIGN.md).</summary>
public static class ResourceActionNames
{
    public static string ToWire(this ResourceAction action) => action switch
    {
        ResourceAction.Created => "created",
        ResourceAction.Updated => "updated",
        ResourceAction.Unchanged => "unchanged",
        ResourceAction.Deleted => "deleted",
        ResourceAction.NotFound => "not-found",
        ResourceAction.Kept => "kept",
        ResourceAction.WouldCreate => "would-create",
        ResourceAction.WouldUpdate => "would-update",
        ResourceAction.WouldDelete => "would-delete",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>True for actions that changed something in AWS.</summary>
    public static bool IsChange(this ResourceAction action) =>
        action is ResourceAction.Created or ResourceAction.Updated or ResourceAction.Deleted;
}
