using System.Text.Json.Serialization;

namespace Pipectl.Aws.CodeCommit;

// Request and reply shapes of the CodeCommit operations pipectl calls (botocore codecommit 2015-04-13).
// Members are camelCase on the wire, except RepositoryMetadata's capitalised "Arn".

/// <summary>CreateRepository input.</summary>
public sealed record CreateRepositoryRequest(
    string RepositoryName,
    string? RepositoryDescription = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    string? KmsKeyId = null);

/// <summary>Input of the operations that take only a repository name.</summary>
public sealed record RepositoryNameRequest(string RepositoryName);

/// <summary>CreateRepository and GetRepository output.</summary>
public sealed record RepositoryMetadataReply(RepositoryMetadata? RepositoryMetadata);

/// <summary>A repository as CodeCommit describes it.</summary>
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

/// <summary>DeleteRepository output (no id when the repository did not exist).</summary>
public sealed record DeleteRepositoryReply(string? RepositoryId);

/// <summary>GetBranch input.</summary>
public sealed record GetBranchRequest(string RepositoryName, string BranchName);

/// <summary>GetBranch output: the branch and the commit it points at.</summary>
public sealed record GetBranchReply(BranchInfo? Branch);

/// <summary>A branch's name and head commit.</summary>
public sealed record BranchInfo(string? BranchName, string? CommitId);

/// <summary>
/// CreateCommit input. <see cref="ParentCommitId"/> must be the branch's head, or null for the first commit
/// of an empty repository (which also creates the branch).
/// </summary>
public sealed record CreateCommitRequest(
    string RepositoryName,
    string BranchName,
    IReadOnlyList<PutFileEntry> PutFiles,
    string? ParentCommitId = null,
    string? AuthorName = null,
    string? Email = null,
    string? CommitMessage = null);

/// <summary>One file a commit adds or replaces; <see cref="FileContent"/> goes on the wire as base64.</summary>
public sealed record PutFileEntry(string FilePath, byte[] FileContent, string? FileMode = null);

/// <summary>CreateCommit output.</summary>
public sealed record CreateCommitReply(
    string? CommitId,
    string? TreeId,
    IReadOnlyList<FileMetadata>? FilesAdded = null,
    IReadOnlyList<FileMetadata>? FilesUpdated = null,
    IReadOnlyList<FileMetadata>? FilesDeleted = null);

/// <summary>A file a commit touched.</summary>
public sealed record FileMetadata(string? AbsolutePath, string? BlobId, string? FileMode);

/// <summary>CodeCommit TagResource input (tags are a map in CodeCommit).</summary>
public sealed record CodeCommitTagResourceRequest(string ResourceArn, IReadOnlyDictionary<string, string> Tags);

/// <summary>CodeCommit ListTagsForResource input.</summary>
public sealed record CodeCommitListTagsRequest(string ResourceArn, string? NextToken = null);

/// <summary>One page of a CodeCommit resource's tags.</summary>
public sealed record CodeCommitTagsReply(IReadOnlyDictionary<string, string>? Tags, string? NextToken = null);
