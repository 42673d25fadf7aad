namespace Pipectl.Core.Resources;

/// <summary>A CodeCommit repository as AWS describes it.</summary>
public sealed record RepositoryState(string Name, string Arn, string? Description, string? CloneUrlHttp, string? CloneUrlSsh);
