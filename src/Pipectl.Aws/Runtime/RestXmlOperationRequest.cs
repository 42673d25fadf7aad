using Amazon.Runtime;

namespace Pipectl.Aws.Runtime;

/// <summary>One REST-XML call: method, path, headers, and for CloudFront a query and an XML body.</summary>
internal sealed class RestXmlOperationRequest(string operationName, string method, string path, IReadOnlyDictionary<string, string> headers, string? hostPrefix)
    : AmazonWebServiceRequest, IPipectlOperationRequest
{
    public string OperationName { get; } = operationName;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>Prepended to the endpoint's host (S3 Control's "ACCOUNT."), or null under an endpoint override.</summary>
    public string? HostPrefix { get; } = hostPrefix;

    /// <summary>Query parameters (<c>Resource=ARN</c>); a null value is a bare flag (<c>?WithTags</c>).</summary>
    public IReadOnlyDictionary<string, string?> Query { get; init; } = new Dictionary<string, string?>();

    /// <summary>The XML payload, or null for a call without a body.</summary>
    public string? Body { get; init; }
}
