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
    IReadOnlyDictionary<string, string> Tags) : ITaggedState;
