using Pipectl.Core.Stacks;

namespace Pipectl.Core.Resources;

/// <summary>
/// The record of ownership pipectl keeps inside a resource whose tags cannot always be read back
/// (CodeCommit: moto cannot list them, and a tag call after a create could be lost). The marker is part of
/// the repository description, so it is written by the same call that creates the repository: a
/// repository that has it was made by pipectl for that stack; one without it was adopted and is kept.
/// </summary>
public static class OwnershipMarker
{
    public static string For(string stackName) => $"[{StackDefaults.StackTagKey}={stackName}]";

    /// <summary>The description with the stack's marker appended (once).</summary>
    public static string Mark(string? description, string stackName)
    {
        var marker = For(stackName);
        if (string.IsNullOrWhiteSpace(description))
        {
            return marker;
        }

        return description.Contains(marker, StringComparison.Ordinal) ? description : $"{description.TrimEnd()} {marker}";
    }

    /// <summary>True when <paramref name="description"/> carries the marker of <paramref name="stackName"/>.</summary>
    public static bool IsMarked(string? description, string stackName) =>
        description is not null && description.Contains(For(stackName), StringComparison.Ordinal);
}
