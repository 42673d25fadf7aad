using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Pipectl.Aws.Runtime;

/// <summary>Marshals a <see cref="JsonOperationRequest"/>: POST /, X-Amz-Target and the JSON 1.1 content type.</summary>
internal sealed class JsonOperationMarshaller(string targetPrefix, string serviceName) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public const string ContentType = "application/x-amz-json-1.1";

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (JsonOperationRequest)input;
        IRequest request = new DefaultRequest(operation, serviceName);
        request.Headers["X-Amz-Target"] = $"{targetPrefix}.{operation.OperationName}";
        request.Headers["Content-Type"] = ContentType;
        request.HttpMethod = "POST";
        request.ResourcePath = "/";
        request.Content = operation.Body;
        return request;
    }
}
