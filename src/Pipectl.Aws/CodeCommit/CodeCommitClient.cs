using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodeCommit;

/// <summary>pipectl's own CodeCommit client (JSON 1.1, target prefix CodeCommit_20150413).</summary>
public class CodeCommitClient(AWSCredentials credentials, PipectlClientConfig<CodeCommitFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<CodeCommitFacts>(credentials, config, CodeCommitFacts.TargetPrefix, counter)
{
    private static CodeCommitJsonContext Json => CodeCommitJsonContext.Default;

    public virtual Task<RepositoryMetadataReply> CreateRepositoryAsync(CreateRepositoryRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("CreateRepository", request, Json.CreateRepositoryRequest, Json.RepositoryMetadataReply, cancellationToken);

    public virtual Task<RepositoryMetadataReply> GetRepositoryAsync(string repositoryName, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetRepository", new RepositoryNameRequest(repositoryName), Json.RepositoryNameRequest, Json.RepositoryMetadataReply, cancellationToken);

    public virtual Task<DeleteRepositoryReply> DeleteRepositoryAsync(string repositoryName, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeleteRepository", new RepositoryNameRequest(repositoryName), Json.RepositoryNameRequest, Json.DeleteRepositoryReply, cancellationToken);

    /// <summary>One page of a repository's branch names; pass the previous page's NextToken for the next.</summary>
    public virtual Task<ListBranchesReply> ListBranchesAsync(string repositoryName, string? nextToken = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListBranches", new ListBranchesRequest(repositoryName, nextToken), Json.ListBranchesRequest, Json.ListBranchesReply, cancellationToken);

    /// <summary>The branch and its head commit; <c>BranchDoesNotExistException</c> (not found) when there is no such branch.</summary>
    public virtual Task<GetBranchReply> GetBranchAsync(string repositoryName, string branchName, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetBranch", new GetBranchRequest(repositoryName, branchName), Json.GetBranchRequest, Json.GetBranchReply, cancellationToken);

    /// <summary>Commits files to a branch (creating the branch on the first commit of an empty repository).</summary>
    public virtual Task<CreateCommitReply> CreateCommitAsync(CreateCommitRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("CreateCommit", request, Json.CreateCommitRequest, Json.CreateCommitReply, cancellationToken);

    /// <summary>Adds or overwrites tags on a repository.</summary>
    public virtual Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("TagResource", new CodeCommitTagResourceRequest(resourceArn, tags), Json.CodeCommitTagResourceRequest, Json.JsonElement, cancellationToken);

    /// <summary>One page of a repository's tags; pass the previous page's NextToken for the next.</summary>
    public virtual Task<CodeCommitTagsReply> ListTagsForResourceAsync(string resourceArn, string? nextToken = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListTagsForResource", new CodeCommitListTagsRequest(resourceArn, nextToken), Json.CodeCommitListTagsRequest, Json.CodeCommitTagsReply, cancellationToken);

    /// <summary>Every tag of a repository, following NextToken across pages.</summary>
    public virtual async Task<IReadOnlyDictionary<string, string>> ListAllTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await ListTagsForResourceAsync(resourceArn, token, cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in page.Tags ?? new Dictionary<string, string>())
            {
                tags[key] = value;
            }

            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return tags;
    }
}
