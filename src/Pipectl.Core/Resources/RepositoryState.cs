namespace Pipectl.Core.Resources;

/// <summary>A CodeCommit repository as AWS describes it, with its tags (ListTagsForResource).</summary>
public sealed record RepositoryState(string Name, string Arn, string? Description, string? CloneUrlHttp, string? CloneUrlSsh, IReadOnlyDictionary<string, string> Tags) : ITaggedState;
