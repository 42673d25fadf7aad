namespace Pipectl.Core.Resources;

/// <summary>An S3 bucket's settings as read back (a missing configuration reads as off / null).</summary>
public sealed record BucketState(
    string Name,
    string Arn,
    bool Versioning,
    bool DefaultEncryption,
    PublicAccessBlock PublicAccessBlock,
    string? Policy,
    WebsiteSettings? Website,
    IReadOnlyDictionary<string, string> Tags) : ITaggedState
{
    /// <summary>
    /// Whether the bucket holds any object version or delete marker. Read only for a bucket without tags,
    /// where it tells an interrupted create (empty) from somebody else's bucket.
    /// </summary>
    public bool HasObjects { get; init; }
}
