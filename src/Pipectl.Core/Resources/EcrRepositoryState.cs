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
    int? ImageCount = null) : ITaggedState
{
    /// <summary>The most images a teardown's read counts (one ListImages page).</summary>
    public const int MostCounted = 1000;

    /// <summary>Why teardown keeps it without --delete-images, or null when it holds no image.</summary>
    public string? KeptForImages => HeldImages is { } what ? ImagesKeptNote(what) : null;

    /// <summary>"3 images", "1000 or more images": what it holds, or null when it holds no image (or they were not counted).</summary>
    public string? HeldImages => ImageCount is > 0 and var count
        ? count >= MostCounted ? $"{MostCounted} or more images" : count == 1 ? "1 image" : $"{count} images"
        : null;

    /// <summary>The note of a repository kept because it holds <paramref name="what"/>.</summary>
    public static string ImagesKeptNote(string what) => $"it holds {what}, which a teardown keeps; run teardown --delete-images to delete them with it";
}
