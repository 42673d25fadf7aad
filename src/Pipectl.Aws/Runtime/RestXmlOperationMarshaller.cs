using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Pipectl.Aws.Runtime;

/// <summary>Marshals a bodiless REST-XML call: method, resource path, headers and the host prefix.</summary>
internal sealed class RestXmlOperationMarshaller(string serviceName) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    /// <summary>SHA-256 of an empty body: S3-style services want the payload hash in x-amz-content-sha256.</summary>
    private const string EmptyPayloadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (RestXmlOperationRequest)input;
        IRequest request = new DefaultRequest(operation, serviceName)
        {
            HttpMethod = operation.Method,
            ResourcePath = operation.Path,
            HostPrefix = operation.HostPrefix,
        };
        foreach (var (name, value) in operation.Headers)
        {
            request.Headers[name] = value;
        }

        request.Headers["x-amz-content-sha256"] = EmptyPayloadSha256;
        return request;
    }
}
