namespace Pipectl.Core.StackFiles;

/// <summary>The <c>buckets:</c> section. Every value null means "the default".</summary>
public sealed record StackFileBuckets
{
    /// <summary><c>buckets.artifacts</c>: the artifact bucket, shared by every environment.</summary>
    public string? Artifacts { get; init; }

    /// <summary><c>buckets.site</c>: the website bucket of a file without environments (each environment names its own).</summary>
    public string? Site { get; init; }

    /// <summary><c>buckets.privateSite</c>: keep website buckets private (default for every environment).</summary>
    public bool? PrivateSite { get; init; }
}
