namespace Pipectl.Core.Resources;

/// <summary>An ECR repository as read: its URI (what docker pushes to), scanning, lifecycle policy (null when none) and tags.</summary>
/// <param name="ImageCount">The images it holds, when the read counted them (teardown); null otherwise.</param>
public sealed record EcrRepositoryState(
    string Name,
    string Arn,
    string Uri,
    bool ScanOnPush,
    string? LifecyclePolicy,
    IReadOnlyDictionary<string, string> Tags,
    int? ImageCount = null) : ITaggedState;
