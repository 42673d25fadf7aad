using System.Text.Json;
using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Ecr;

/// <summary>
/// pipectl's own ECR client (JSON 1.1, target prefix AmazonEC2ContainerRegistry_V20150921, signed "ecr", endpoint
/// api.ecr.REGION.amazonaws.com): the repository a container stack's build pushes to.
/// </summary>
public class EcrClient(AWSCredentials credentials, PipectlClientConfig<EcrFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<EcrFacts>(credentials, config, EcrFacts.TargetPrefix, counter)
{
    private static EcrJsonContext Json => EcrJsonContext.Default;

    /// <summary>Creates a repository with its tags; <c>RepositoryAlreadyExistsException</c> (already exists) when the name is taken.</summary>
    public virtual Task<RepositoryReply> CreateRepositoryAsync(CreateRepositoryRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("CreateRepository", request, Json.CreateRepositoryRequest, Json.RepositoryReply, cancellationToken);

    /// <summary>One repository of the caller's registry; <c>RepositoryNotFoundException</c> (not found) when there is none.</summary>
    public virtual async Task<EcrRepository?> DescribeRepositoryAsync(string name, CancellationToken cancellationToken = default)
    {
        var reply = await InvokeJsonAsync("DescribeRepositories", new DescribeRepositoriesRequest([name]), Json.DescribeRepositoriesRequest, Json.DescribeRepositoriesReply, cancellationToken).ConfigureAwait(false);
        return (reply.Repositories ?? []).FirstOrDefault(r => r.RepositoryName == name);
    }

    /// <summary>A repository's tags.</summary>
    public virtual Task<EcrTagsReply> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListTagsForResource", new EcrResourceRequest(resourceArn), Json.EcrResourceRequest, Json.EcrTagsReply, cancellationToken);

    /// <summary>Adds or overwrites tags.</summary>
    public virtual Task TagResourceAsync(string resourceArn, IReadOnlyList<EcrTag> tags, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("TagResource", new EcrTagResourceRequest(resourceArn, tags), Json.EcrTagResourceRequest, Json.JsonElement, cancellationToken);

    /// <summary>Turns scan on push on or off.</summary>
    public virtual Task PutImageScanningConfigurationAsync(string name, bool scanOnPush, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("PutImageScanningConfiguration", new PutImageScanningConfigurationRequest(name, new ImageScanningConfiguration(scanOnPush)), Json.PutImageScanningConfigurationRequest, Json.JsonElement, cancellationToken);

    /// <summary>The lifecycle policy text; <c>LifecyclePolicyNotFoundException</c> (not found) when there is none.</summary>
    public virtual Task<LifecyclePolicyReply> GetLifecyclePolicyAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetLifecyclePolicy", new RepositoryNameRequest(name), Json.RepositoryNameRequest, Json.LifecyclePolicyReply, cancellationToken);

    /// <summary>Sets (replaces) the lifecycle policy.</summary>
    public virtual Task PutLifecyclePolicyAsync(string name, string policyText, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("PutLifecyclePolicy", new PutLifecyclePolicyRequest(name, policyText), Json.PutLifecyclePolicyRequest, Json.JsonElement, cancellationToken);

    /// <summary>One page of a repository's images.</summary>
    public virtual Task<ListImagesReply> ListImagesAsync(ListImagesRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListImages", request, Json.ListImagesRequest, Json.ListImagesReply, cancellationToken);

    /// <summary>Deletes a repository; without <paramref name="force"/> ECR refuses one that holds images (<c>RepositoryNotEmptyException</c>).</summary>
    public virtual Task DeleteRepositoryAsync(string name, bool force, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeleteRepository", new DeleteRepositoryRequest(name, force ? true : null), Json.DeleteRepositoryRequest, Json.JsonElement, cancellationToken);
}
