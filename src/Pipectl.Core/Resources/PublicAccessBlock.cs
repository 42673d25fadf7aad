namespace Pipectl.Core.Resources;

/// <summary>An S3 bucket's Block Public Access settings.</summary>
public sealed record PublicAccessBlock(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    /// <summary>Everything blocked: the artifact bucket and a private site.</summary>
    public static PublicAccessBlock AllBlocked { get; } = new(true, true, true, true);

    /// <summary>
    /// A public website bucket: only BlockPublicPolicy and RestrictPublicBuckets are relaxed, which a public
    /// read policy needs; ACLs stay blocked (new buckets have ACLs disabled anyway).
    /// </summary>
    public static PublicAccessBlock PublicReadPolicyAllowed { get; } = new(true, true, false, false);

    /// <summary>No configuration at all: nothing blocked at the bucket level.</summary>
    public static PublicAccessBlock None { get; } = new(false, false, false, false);
}
