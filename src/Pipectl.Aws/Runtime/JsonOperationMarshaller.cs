using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Pipectl.Aws.Runtime;

/// <summary>Marshals a <see cref="JsonOperationRequest"/>: POST /, X-Amz-Target and the JSON content type (1.1 unless the service speaks 1.0).</summary>
internal sealed class JsonOperationMarshaller(string targetPrefix, string serviceName, string contentType = JsonOperationMarshaller.ContentType) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The content type of JSON 1.0 services (CodeConnections).</summary>
    public const string ContentType10 = "application/x-amz-json-1.0";

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (JsonOperationRequest)input;
        IRequest request = new DefaultRequest(operation, serviceName);
        request.Headers["X-Amz-Target"] = $"{targetPrefix}.{operation.OperationName}";
        request.Headers["Content-Type"] = contentType;
        request.HttpMethod = "POST";
        request.ResourcePath = "/";
        request.Content = operation.Body;
        return request;
    }
}
