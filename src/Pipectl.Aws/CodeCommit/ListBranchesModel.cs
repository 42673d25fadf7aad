namespace Pipectl.Aws.CodeCommit;

/// <summary>ListBranches input: the repository, and the previous page's token for the next page.</summary>
public sealed record ListBranchesRequest(string RepositoryName, string? NextToken = null);

/// <summary>One page of branch names.</summary>
public sealed record ListBranchesReply(IReadOnlyList<string>? Branches, string? NextToken = null);
