using Pipectl.Core.Stacks;

namespace Pipectl.Core.Resources;

/// <summary>
/// Whether pipectl made a resource for a stack: its <c>pipectl:stack</c> tag, or for a repository the
/// ownership marker in its description (written by the same call that created it). Teardown deletes
/// only what this says is the stack's own.
/// </summary>
public static class StackOwnership
{
    public static bool IsOwnedBy(object state, string stackName) => state switch
    {
        RepositoryState repository => OwnershipMarker.IsMarked(repository.Description, stackName),
        ITaggedState tagged => tagged.Tags.TryGetValue(StackDefaults.StackTagKey, out var value) && value == stackName,
        _ => false,
    };
}
