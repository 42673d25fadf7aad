using System.Text.Json.Serialization;

namespace Pipectl.Aws.CodeCommit;

// Request and reply shapes of the CodeCommit operations pipectl calls (botocore codecommit 2015-04-13).
// Members are camelCase on the wire, except RepositoryMetadata's capitalised "Arn".

public sealed record CreateRepositoryRequest(
    string RepositoryName,
    string? RepositoryDescription = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    string? KmsKeyId = null);

public sealed record RepositoryNameRequest(string RepositoryName);

public sealed record RepositoryMetadataReply(RepositoryMetadata? RepositoryMetadata);

public sealed record RepositoryMetadata
{
    public string? AccountId { get; init; }
    public string? RepositoryId { get; init; }
    public string? RepositoryName { get; init; }
    public string? RepositoryDescription { get; init; }
    public string? DefaultBranch { get; init; }
    public string? CloneUrlHttp { get; init; }
    public string? CloneUrlSsh { get; init; }

    [JsonPropertyName("Arn")]
    public string? Arn { get; init; }

    public DateTimeOffset? CreationDate { get; init; }
    public DateTimeOffset? LastModifiedDate { get; init; }
}

public sealed record DeleteRepositoryReply(string? RepositoryId);
