namespace Pipectl.Core.Resources;

/// <summary>A CloudFront distribution as read back, with the name of the origin access control its origin signs with.</summary>
/// <param name="Id">The distribution id (<c>E2...</c>).</param>
/// <param name="Arn">Its ARN, which the site bucket's policy names.</param>
/// <param name="DomainName">Its domain, <c>dxxxx.cloudfront.net</c>.</param>
/// <param name="Status"><c>InProgress</c> while a change deploys, then <c>Deployed</c>.</param>
/// <param name="Enabled">Whether it serves; it can be deleted only disabled and deployed.</param>
/// <param name="OriginDomain">The domain of its first origin.</param>
/// <param name="OriginAccessControlName">The name of that origin's access control, or null when it has none.</param>
/// <param name="ViewerProtocolPolicy">The default behaviour's viewer protocol policy.</param>
/// <param name="DefaultRootObject">The default root object ("" when none).</param>
/// <param name="CachePolicyId">The default behaviour's cache policy, or null.</param>
/// <param name="ErrorResponses">The custom error responses (<see cref="DistributionSpec.ErrorResponse"/>), ordered by code.</param>
/// <param name="Tags">Its tags.</param>
public sealed record DistributionState(
    string Id,
    string Arn,
    string DomainName,
    string Status,
    bool Enabled,
    string OriginDomain,
    string? OriginAccessControlName,
    string ViewerProtocolPolicy,
    string DefaultRootObject,
    string? CachePolicyId,
    IReadOnlyList<string> ErrorResponses,
    IReadOnlyDictionary<string, string> Tags) : ITaggedState
{
    /// <summary>The id of the origin's access control, or null when it has none (or it was not read).</summary>
    public string? OriginAccessControlId { get; init; }

    /// <summary>
    /// True when only what the distribution used is left (a teardown stopped after deleting the distribution): there is
    /// no distribution, <see cref="Id"/> is empty, and deleting removes the access control (<see cref="OriginAccessControlId"/>,
    /// null when it is gone too) and the index function (<see cref="ViewerRequestFunction"/>).
    /// </summary>
    public bool OnlyAccessControlLeft => Id.Length == 0;

    /// <summary>CloudFront's status once a change has reached every edge location.</summary>
    public const string DeployedStatus = "Deployed";

    /// <summary>The name of the CloudFront Function associated with the default behaviour's viewer requests, or null.</summary>
    public string? ViewerRequestFunction { get; init; }

    /// <summary>That function's LIVE code (what the distribution runs), or null when it has none.</summary>
    public string? ViewerRequestFunctionCode { get; init; }

    /// <summary>The site's address: CloudFront's default certificate serves its domain over HTTPS.</summary>
    public string Url => $"https://{DomainName}";
}
