using Pipectl.Core.Stacks;

namespace Pipectl.Core.Resources;

/// <summary>
/// Whether pipectl made a resource for a stack in a region: the tags every create call carries,
/// <c>pipectl:stack</c> (the stack name) and <c>pipectl:region</c> (the region the stack runs in). A resource is
/// the stack's own only when both match, so a name held by anything else (made by hand, by another stack, or
/// by the same stack name in another region) is never modified or deleted. The region matters because IAM
/// roles (and S3 bucket names) are global: <c>demo</c> in us-west-2 must not rewrite or delete the roles that
/// <c>demo</c> in us-east-1 runs on, though their default names are the same.
/// </summary>
public static class StackOwnership
{
    /// <summary>The tag key that records the region of the stack that created a resource.</summary>
    public const string RegionTagKey = "pipectl:region";

    /// <summary>
    /// The tag CloudFormation puts on what a CloudFormation stack created (<c>pipectl export</c>'s template deployed
    /// with <c>aws cloudformation deploy</c>): such a resource is CloudFormation's, whatever pipectl tags it also carries.
    /// </summary>
    public const string CloudFormationStackTagKey = "aws:cloudformation:stack-name";

    /// <summary>The CloudFormation stack that manages <paramref name="state"/>, or null when none does.</summary>
    public static string? CloudFormationStackOf(object state) =>
        state is ITaggedState tagged && tagged.Tags.TryGetValue(CloudFormationStackTagKey, out var stack) ? stack : null;

    /// <summary>The ownership tags every create call of <paramref name="stackName"/> in <paramref name="region"/> sends.</summary>
    public static IReadOnlyDictionary<string, string> TagsFor(string stackName, string region) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StackDefaults.StackTagKey] = stackName,
            [RegionTagKey] = region,
        };

    /// <summary>The single ownership decision: true when <paramref name="state"/> carries both ownership tags of the stack.</summary>
    public static bool IsOwnedBy(object state, string stackName, string region) => state is ITaggedState tagged
        && tagged.Tags.TryGetValue(StackDefaults.StackTagKey, out var stack) && stack == stackName
        && tagged.Tags.TryGetValue(RegionTagKey, out var taggedRegion) && taggedRegion == region;

    /// <summary>
    /// The same decision against the ownership tags a desired resource carries (<see cref="TagsFor"/>): how a
    /// driver tells its own lost create from a resource someone else made under the name meanwhile.
    /// </summary>
    public static bool IsOwnedBy(object state, IReadOnlyDictionary<string, string> stackTags) =>
        stackTags.TryGetValue(StackDefaults.StackTagKey, out var stackName)
        && stackTags.TryGetValue(RegionTagKey, out var region)
        && IsOwnedBy(state, stackName, region);

    /// <summary>
    /// Where the owner of <paramref name="state"/> runs when it is this stack's name in another region (for the
    /// message that refuses it), or null.
    /// </summary>
    public static string? OtherRegionOf(object state, string stackName, string region) => state is ITaggedState tagged
        && tagged.Tags.TryGetValue(StackDefaults.StackTagKey, out var stack) && stack == stackName
        && tagged.Tags.TryGetValue(RegionTagKey, out var taggedRegion) && taggedRegion != region
            ? taggedRegion
            : null;
}
