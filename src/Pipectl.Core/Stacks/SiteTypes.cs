namespace Pipectl.Core.Stacks;

/// <summary>How a stack serves its website (<c>--site</c>, <c>site:</c> in pipectl.yaml).</summary>
public static class SiteTypes
{
    /// <summary>The S3 website endpoint over plain HTTP, from a bucket with a public read policy (the default).</summary>
    public const string S3Website = "s3-website";

    /// <summary>A CloudFront distribution over HTTPS in front of a private bucket, read through an origin access control.</summary>
    public const string CloudFront = "cloudfront";

    public static IReadOnlyList<string> All { get; } = [S3Website, CloudFront];
}
