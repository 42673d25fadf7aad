using Pipectl.Aws.Tagging;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Operations;

/// <summary>
/// Finds what a stack has in the region from its ownership tags: one GetResources of the Resource Groups Tagging API
/// per page of 100, filtered on <c>pipectl:stack</c> equal to the stack's name (an exact value: <c>shop</c> never
/// matches <c>shop-x</c>), kept only where <c>pipectl:region</c> is the run's region, and on the services pipectl
/// makes resources in (<see cref="Services"/>: a ResourceTypeFilters entry without a resource type is every type of
/// that ARN namespace, as GetResources documents). IAM roles are not covered by the API (AWS: "The GetResources
/// operation does not currently support IAM users and roles"); their names derive from the environments found.
/// </summary>
public class StackFinder(ResourceTaggingClient tagging)
{
    /// <summary>The ARN namespaces of what pipectl makes (CloudFront's answer only in us-east-1, where AWS lists it).</summary>
    public static readonly IReadOnlyList<string> Services =
        ["codecommit", "codebuild", "codepipeline", "events", "sns", "s3", "ecr", "codeconnections", "codestar-connections", "cloudfront"];

    public virtual async Task<FoundStack> FindAsync(string stackName, string region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        var tagged = await tagging.GetAllResourcesAsync([new TagFilter(StackDefaults.StackTagKey, [stackName])], Services, cancellationToken).ConfigureAwait(false);
        var owned = tagged
            .Where(r => Tag(r, StackDefaults.StackTagKey) == stackName && Tag(r, StackOwnership.RegionTagKey) == region)
            .Select(r => TaggedArn.Parse(r.ResourceARN!))
            .OfType<TaggedArn>()
            .ToList();
        return new FoundStack(stackName, owned);
    }

    private static string? Tag(ResourceTagMapping resource, string key) => resource.Tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
