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

    /// <summary>
    /// Whether a resource pipectl does not own may still be taken over as the stack's: a repository (adopted
    /// as is, never deleted), or a bucket with no tags and no objects at all, which is what a create leaves
    /// when it is interrupted between CreateBucket and tagging: S3 cannot tag in the create call itself.
    /// Everything else of the same name belongs to someone else and is left alone.
    /// </summary>
    public static bool IsClaimable(object state) => state switch
    {
        RepositoryState => true,
        BucketState bucket => bucket.Tags.Count == 0 && !bucket.HasObjects,
        _ => false,
    };
}
