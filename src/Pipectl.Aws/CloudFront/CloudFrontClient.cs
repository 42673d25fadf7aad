using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CloudFront;

/// <summary>
/// pipectl's own CloudFront client (REST-XML, API 2020-05-31, global endpoint signed "cloudfront" for us-east-1):
/// the distribution and origin access control calls of a CloudFront site. Replies are handed back as XML with
/// their ETag, which every change of an existing distribution or access control must send as If-Match.
/// </summary>
public class CloudFrontClient : AmazonServiceClient
{
    /// <summary>The XML namespace of every request payload.</summary>
    public static readonly XNamespace Xmlns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private const string Version = "/2020-05-31";
    private readonly RestXmlOperationMarshaller _marshaller = new(CloudFrontFacts.ServiceId);

    public CloudFrontClient(AWSCredentials credentials, PipectlClientConfig<CloudFrontFacts> config, ApiCallCounter? counter = null)
        : base(credentials, config)
    {
        RequestCountingHandler.Install(RuntimePipeline, counter);
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new PipectlEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthHandler());
    }

    /// <summary>ListDistributions: one page of summaries (<c>DistributionList</c>), from <paramref name="marker"/>.</summary>
    public virtual async Task<XElement> ListDistributionsAsync(string? marker, CancellationToken cancellationToken) =>
        (await CallAsync("ListDistributions", "GET", "/distribution", Page(marker), cancellationToken: cancellationToken).ConfigureAwait(false)).Root;

    /// <summary>GetDistribution: the distribution (status, domain, config) and its ETag.</summary>
    public virtual Task<(XElement Root, string? ETag)> GetDistributionAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("GetDistribution", "GET", $"/distribution/{Uri.EscapeDataString(id)}", cancellationToken: cancellationToken);

    /// <summary>GetDistributionConfig: the <c>DistributionConfig</c> and the ETag an update must send.</summary>
    public virtual Task<(XElement Root, string? ETag)> GetDistributionConfigAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("GetDistributionConfig", "GET", $"/distribution/{Uri.EscapeDataString(id)}/config", cancellationToken: cancellationToken);

    /// <summary>CreateDistributionWithTags: the distribution is tagged in the call that creates it.</summary>
    public virtual Task<(XElement Root, string? ETag)> CreateDistributionWithTagsAsync(XElement configWithTags, CancellationToken cancellationToken) =>
        CallAsync("CreateDistributionWithTags", "POST", "/distribution", new Dictionary<string, string?> { ["WithTags"] = null }, body: configWithTags, cancellationToken: cancellationToken);

    /// <summary>UpdateDistribution: replaces the whole config of the version <paramref name="ifMatch"/>.</summary>
    public virtual Task<(XElement Root, string? ETag)> UpdateDistributionAsync(string id, XElement config, string ifMatch, CancellationToken cancellationToken) =>
        CallAsync("UpdateDistribution", "PUT", $"/distribution/{Uri.EscapeDataString(id)}/config", ifMatch: ifMatch, body: config, cancellationToken: cancellationToken);

    /// <summary>DeleteDistribution: only a disabled distribution whose change has deployed.</summary>
    public virtual Task DeleteDistributionAsync(string id, string ifMatch, CancellationToken cancellationToken) =>
        CallAsync("DeleteDistribution", "DELETE", $"/distribution/{Uri.EscapeDataString(id)}", ifMatch: ifMatch, cancellationToken: cancellationToken);

    /// <summary>ListTagsForResource: the tags of the distribution <paramref name="arn"/>.</summary>
    public virtual async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string arn, CancellationToken cancellationToken)
    {
        var (root, _) = await CallAsync("ListTagsForResource", "GET", "/tagging", new Dictionary<string, string?> { ["Resource"] = arn }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return root.Child("Items")?.Elements()
            .Where(t => t.ChildText("Key") is not null)
            .ToDictionary(t => t.ChildText("Key")!, t => t.ChildText("Value") ?? string.Empty, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>CreateOriginAccessControl for an S3 origin, signing every request with SigV4; returns its id.</summary>
    public virtual async Task<string> CreateOriginAccessControlAsync(string name, string description, CancellationToken cancellationToken)
    {
        var config = new XElement(
            Xmlns + "OriginAccessControlConfig",
            new XElement(Xmlns + "Name", name),
            new XElement(Xmlns + "Description", description),
            new XElement(Xmlns + "SigningProtocol", "sigv4"),
            new XElement(Xmlns + "SigningBehavior", "always"),
            new XElement(Xmlns + "OriginAccessControlOriginType", "s3"));
        var (root, _) = await CallAsync("CreateOriginAccessControl", "POST", "/origin-access-control", body: config, cancellationToken: cancellationToken).ConfigureAwait(false);
        return root.ChildText("Id") ?? throw new AmazonClientException("CloudFront CreateOriginAccessControl returned no Id.");
    }

    /// <summary>ListOriginAccessControls: one page (<c>OriginAccessControlList</c>), from <paramref name="marker"/>.</summary>
    public virtual async Task<XElement> ListOriginAccessControlsAsync(string? marker, CancellationToken cancellationToken) =>
        (await CallAsync("ListOriginAccessControls", "GET", "/origin-access-control", Page(marker), cancellationToken: cancellationToken).ConfigureAwait(false)).Root;

    /// <summary>GetOriginAccessControl: its ETag, which the delete must send.</summary>
    public virtual async Task<string?> GetOriginAccessControlETagAsync(string id, CancellationToken cancellationToken) =>
        (await CallAsync("GetOriginAccessControl", "GET", $"/origin-access-control/{Uri.EscapeDataString(id)}", cancellationToken: cancellationToken).ConfigureAwait(false)).ETag;

    /// <summary>DeleteOriginAccessControl: only once no distribution uses it.</summary>
    public virtual Task DeleteOriginAccessControlAsync(string id, string ifMatch, CancellationToken cancellationToken) =>
        CallAsync("DeleteOriginAccessControl", "DELETE", $"/origin-access-control/{Uri.EscapeDataString(id)}", ifMatch: ifMatch, cancellationToken: cancellationToken);

    /// <summary>CreateFunction: the function's DEVELOPMENT stage, tagged in the same call; returns its summary and ETag.</summary>
    public virtual Task<(XElement Root, string? ETag)> CreateFunctionAsync(string name, string comment, string runtime, byte[] code, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var request = new XElement(
            Xmlns + "CreateFunctionRequest",
            new XElement(Xmlns + "Name", name),
            FunctionConfig(comment, runtime),
            new XElement(Xmlns + "FunctionCode", Convert.ToBase64String(code)),
            new XElement(Xmlns + "Tags", new XElement(Xmlns + "Items", tags.Select(tag =>
                new XElement(Xmlns + "Tag", new XElement(Xmlns + "Key", tag.Key), new XElement(Xmlns + "Value", tag.Value))))));
        return CallAsync("CreateFunction", "POST", "/function", body: request, cancellationToken: cancellationToken);
    }

    /// <summary>DescribeFunction: the summary of one stage (DEVELOPMENT or LIVE) and that stage's ETag.</summary>
    public virtual Task<(XElement Root, string? ETag)> DescribeFunctionAsync(string name, string stage, CancellationToken cancellationToken) =>
        CallAsync("DescribeFunction", "GET", $"/function/{Uri.EscapeDataString(name)}/describe", new Dictionary<string, string?> { ["Stage"] = stage }, cancellationToken: cancellationToken);

    /// <summary>GetFunction: the code of one stage.</summary>
    public virtual async Task<byte[]> GetFunctionCodeAsync(string name, string stage, CancellationToken cancellationToken) =>
        (await CallRawAsync("GetFunction", "GET", $"/function/{Uri.EscapeDataString(name)}", new Dictionary<string, string?> { ["Stage"] = stage }, cancellationToken: cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>UpdateFunction: replaces the DEVELOPMENT stage's config and code (If-Match its ETag); returns the new ETag.</summary>
    public virtual Task<(XElement Root, string? ETag)> UpdateFunctionAsync(string name, string comment, string runtime, byte[] code, string ifMatch, CancellationToken cancellationToken) =>
        CallAsync(
            "UpdateFunction",
            "PUT",
            $"/function/{Uri.EscapeDataString(name)}",
            ifMatch: ifMatch,
            body: new XElement(Xmlns + "UpdateFunctionRequest", FunctionConfig(comment, runtime), new XElement(Xmlns + "FunctionCode", Convert.ToBase64String(code))),
            cancellationToken: cancellationToken);

    /// <summary>PublishFunction: copies the DEVELOPMENT stage (If-Match its ETag) to LIVE, the stage a distribution runs.</summary>
    public virtual Task<(XElement Root, string? ETag)> PublishFunctionAsync(string name, string ifMatch, CancellationToken cancellationToken) =>
        CallAsync("PublishFunction", "POST", $"/function/{Uri.EscapeDataString(name)}/publish", ifMatch: ifMatch, cancellationToken: cancellationToken);

    /// <summary>DeleteFunction: both stages (If-Match the DEVELOPMENT ETag); refused while a distribution associates it.</summary>
    public virtual Task DeleteFunctionAsync(string name, string ifMatch, CancellationToken cancellationToken) =>
        CallAsync("DeleteFunction", "DELETE", $"/function/{Uri.EscapeDataString(name)}", ifMatch: ifMatch, cancellationToken: cancellationToken);

    private static XElement FunctionConfig(string comment, string runtime) =>
        new(Xmlns + "FunctionConfig", new XElement(Xmlns + "Comment", comment), new XElement(Xmlns + "Runtime", runtime));

    private static Dictionary<string, string?> Page(string? marker) => marker is null ? [] : new() { ["Marker"] = marker };

    private async Task<(XElement Root, string? ETag)> CallAsync(
        string operation,
        string method,
        string path,
        IReadOnlyDictionary<string, string?>? query = null,
        string? ifMatch = null,
        XElement? body = null,
        CancellationToken cancellationToken = default)
    {
        var reply = await CallRawAsync(operation, method, path, query, ifMatch, body, cancellationToken).ConfigureAwait(false);
        if (reply.Body.Length == 0)
        {
            return (new XElement("Empty"), reply.ETag);
        }

        using var stream = new MemoryStream(reply.Body);
        return (XDocument.Load(stream).Root ?? new XElement("Empty"), reply.ETag);
    }

    private async Task<RawResponse> CallRawAsync(
        string operation,
        string method,
        string path,
        IReadOnlyDictionary<string, string?>? query = null,
        string? ifMatch = null,
        XElement? body = null,
        CancellationToken cancellationToken = default)
    {
        var headers = ifMatch is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["If-Match"] = ifMatch };
        var request = new RestXmlOperationRequest(operation, method, Version + path, headers, null)
        {
            Query = query ?? new Dictionary<string, string?>(),
            Body = body?.ToString(SaveOptions.DisableFormatting),
        };
        var options = new InvokeOptions { RequestMarshaller = _marshaller, ResponseUnmarshaller = QueryOperationUnmarshaller.Instance };
        return await InvokeAsync<RawResponse>(request, options, cancellationToken).ConfigureAwait(false);
    }
}
