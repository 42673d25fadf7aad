using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// The CloudFront distribution of a <c>--site cloudfront</c> stack and its origin access control: one S3 REST
/// origin (the private site bucket) read with SigV4 through the origin access control, HTTPS only
/// (redirect-to-https), index.html at the root, error.html for 403 and 404 (a missing key reads as 403 when the
/// distribution may not list the bucket), and the managed CachingOptimized policy. It is found by its origin:
/// a bucket name is unique worldwide, so one distribution per stack serves it.
/// </summary>
/// <param name="Name">The site bucket's name, which also names the origin access control.</param>
/// <param name="OriginDomain">The bucket's REST endpoint, <c>BUCKET.s3.REGION.amazonaws.com</c>.</param>
/// <param name="Comment">The distribution's comment, for people browsing the console.</param>
/// <param name="Tags">The ownership tags.</param>
public sealed record DistributionSpec(string Name, string OriginDomain, string Comment, IReadOnlyDictionary<string, string> Tags) : IDesiredState<DistributionState>
{
    /// <summary>The id of the managed cache policy "CachingOptimized" (the same in every account).</summary>
    public const string CachingOptimizedPolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    public const string ViewerProtocolPolicy = "redirect-to-https";
    public const string DefaultRootObject = "index.html";
    public const string ErrorPagePath = "/error.html";

    /// <summary>The origin errors answered with the error page (and status 404).</summary>
    public static IReadOnlyList<int> ErrorCodes { get; } = [403, 404];

    /// <summary>The error page each error code of <see cref="ErrorCodes"/> is answered with, as "403 -> /error.html (404)".</summary>
    public static IReadOnlyList<string> ErrorResponses { get; } = [.. ErrorCodes.Select(code => ErrorResponse(code, ErrorPagePath, "404"))];

    /// <summary>How an error response is compared: code, page and the status sent with it.</summary>
    public static string ErrorResponse(int code, string? page, string? status) => $"{code} -> {page} ({status})";

    public IReadOnlyList<string> DifferencesFrom(DistributionState actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new Differences()
            .Compare("enabled", actual.Enabled, true)
            .Compare("origin", actual.OriginDomain, OriginDomain)
            .Compare("origin access control", actual.OriginAccessControlName, Name)
            .Compare("viewer protocol policy", actual.ViewerProtocolPolicy, ViewerProtocolPolicy)
            .Compare("default root object", actual.DefaultRootObject, DefaultRootObject)
            .Compare("cache policy", actual.CachePolicyId, CachingOptimizedPolicyId)
            .Compare("error responses", string.Join(", ", actual.ErrorResponses), string.Join(", ", ErrorResponses));
        return differences.CompareTags(actual.Tags, Tags);
    }
}
