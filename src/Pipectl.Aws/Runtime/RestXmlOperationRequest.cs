using Amazon.Runtime;

namespace Pipectl.Aws.Runtime;

/// <summary>One REST-XML call without a body (S3 Control reads): method, path and headers.</summary>
internal sealed class RestXmlOperationRequest(string operationName, string method, string path, IReadOnlyDictionary<string, string> headers, string? hostPrefix)
    : AmazonWebServiceRequest, IPipectlOperationRequest
{
    public string OperationName { get; } = operationName;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>Prepended to the endpoint's host (S3 Control's "ACCOUNT."), or null under an endpoint override.</summary>
    public string? HostPrefix { get; } = hostPrefix;
}
