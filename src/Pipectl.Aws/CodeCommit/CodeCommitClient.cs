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
}
