using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Tagging;

/// <summary>
/// pipectl's own Resource Groups Tagging API client (JSON 1.1, target prefix ResourceGroupsTaggingAPI_20170126,
/// endpoint tagging.REGION.amazonaws.com, signed "tagging"; PascalCase members). Only GetResources: the resources
/// of the region that carry a tag, a page of up to 100 per request, each with its tags. It covers every resource type
/// but IAM users and roles.
/// </summary>
public class ResourceTaggingClient(AWSCredentials credentials, PipectlClientConfig<TaggingFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<TaggingFacts>(credentials, config, TaggingFacts.TargetPrefix, counter)
{
    /// <summary>The largest page GetResources gives.</summary>
    public const int MaxResourcesPerPage = 100;

    /// <summary>One page of resources.</summary>
    public virtual Task<GetResourcesReply> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetResources", request, TaggingJsonContext.Default.GetResourcesRequest, TaggingJsonContext.Default.GetResourcesReply, cancellationToken);

    /// <summary>Every resource that <paramref name="filters"/> and <paramref name="resourceTypes"/> (null: any type) select, one request per page of 100.</summary>
    public virtual async Task<IReadOnlyList<ResourceTagMapping>> GetAllResourcesAsync(IReadOnlyList<TagFilter> filters, IReadOnlyList<string>? resourceTypes, CancellationToken cancellationToken = default)
    {
        var all = new List<ResourceTagMapping>();
        string? token = null;
        do
        {
            var page = await GetResourcesAsync(new GetResourcesRequest(filters, resourceTypes, token, MaxResourcesPerPage), cancellationToken).ConfigureAwait(false);
            all.AddRange((page.ResourceTagMappingList ?? []).Where(r => !string.IsNullOrEmpty(r.ResourceARN)));
            token = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;
        }
        while (token is not null);

        return all;
    }
}
