using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// The CloudFront distribution of a <c>--site cloudfront</c> stack and its origin access control: one S3 REST
/// origin (the private site bucket) read with SigV4 through the origin access control, HTTPS only
/// (redirect-to-https), index.html at the root, error.html for 403 and 404 (a missing key reads as 403 when the
/// distribution may not list the bucket), and the managed CachingOptimized policy. It is found by its origin:
/// a bucket name is unique worldwide, so one distribution per stack serves it. A viewer-request CloudFront
/// Function (<see cref="FunctionName"/>, runtime cloudfront-js-2.0, published to LIVE) appends index.html to a
/// URI that ends in "/" or has no file extension, so <c>/about/</c> serves <c>about/index.html</c> (CloudFront
/// Developer Guide, "Add index.html to request URLs without a file name").
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

    /// <summary>The runtime of the index function.</summary>
    public const string FunctionRuntime = "cloudfront-js-2.0";

    /// <summary>The event the index function runs on.</summary>
    public const string FunctionEventType = "viewer-request";

    /// <summary>
    /// The index function's code: AWS's documented example "Add index.html to request URLs without a file name in a
    /// CloudFront Functions viewer request event" (JavaScript runtime 2.0), as published.
    /// </summary>
    public const string IndexFunctionCode = """
        async function handler(event) {
            var request = event.request;
            var uri = request.uri;

            // Check whether the URI is missing a file name.
            if (uri.endsWith('/')) {
                request.uri += 'index.html';
            }
            // Check whether the URI is missing a file extension.
            else if (!uri.includes('.')) {
                request.uri += '/index.html';
            }

            return request;
        }
        """;

    /// <summary>How a plan shows the index function's code: what it does, where it comes from, and its size.</summary>
    public static string IndexFunctionSummary { get; } =
        $"index.html rewrite: /about/ and /about read about/index.html (AWS's example-function-add-index, {IndexFunctionCode.Length} chars)";

    /// <summary>
    /// The viewer-request CloudFront Function pipectl creates for this distribution (1-64 of a-z A-Z 0-9 - _). pipectl
    /// owns the function of this name whose comment is <see cref="FunctionComment"/>.
    /// </summary>
    public string FunctionName { get; init; } = string.Empty;

    /// <summary>
    /// The name of the stack's index function on <paramref name="actual"/>: <see cref="FunctionName"/>, or the name a
    /// pipectl before hashed long names gave it (the long name cut at 64 characters,
    /// <see cref="Naming.StackNames.IsEarlierSiteIndexFunction"/>) when the distribution uses that one: such a stack keeps
    /// its function (no change, nothing left behind); its comment still decides whether pipectl changes or deletes it.
    /// </summary>
    public string FunctionNameOn(DistributionState? actual) =>
        actual?.ViewerRequestFunction is { } used && Naming.StackNames.IsEarlierSiteIndexFunction(used, FunctionName) ? used : FunctionName;

    /// <summary>The comment that marks the function as pipectl's, for this distribution's site bucket.</summary>
    public string FunctionComment => FunctionCommentFor(Name);

    /// <summary>The comment of the index function pipectl makes for the site bucket <paramref name="bucket"/>.</summary>
    public static string FunctionCommentFor(string bucket) => $"pipectl: index.html for s3://{bucket}";

    /// <summary>The origin errors answered with the error page (and status 404).</summary>
    public static IReadOnlyList<int> ErrorCodes { get; } = [403, 404];

    /// <summary>The error page each error code of <see cref="ErrorCodes"/> is answered with, as "403 -> /error.html (404)".</summary>
    public static IReadOnlyList<string> ErrorResponses { get; } = [.. ErrorCodes.Select(code => ErrorResponse(code, ErrorPagePath, "404"))];

    /// <summary>How an error response is compared: code, page and the status sent with it.</summary>
    public static string ErrorResponse(int code, string? page, string? status) => $"{code} -> {page} ({status})";

    /// <summary>How function code is shown in a change: the documented index function, other code, or none.</summary>
    private static string CodeLabel(string? code) => code switch
    {
        null => "none",
        IndexFunctionCode => "index.html rewrite",
        _ => "other code",
    };

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
            .Compare("error responses", string.Join(", ", actual.ErrorResponses), string.Join(", ", ErrorResponses))
            .Compare("viewer-request function", actual.ViewerRequestFunction, FunctionNameOn(actual))
            .Compare("viewer-request function code", CodeLabel(actual.ViewerRequestFunctionCode), CodeLabel(IndexFunctionCode));
        return differences.CompareTags(actual.Tags, Tags);
    }
}
