using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Pipectl.Aws.Runtime;

/// <summary>Marshals a Query call: Action and Version plus the parameters, form-encoded in a POST body.</summary>
internal sealed class QueryOperationMarshaller(string apiVersion, string serviceName) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (QueryOperationRequest)input;
        IRequest request = new DefaultRequest(operation, serviceName);
        request.Parameters.Add("Action", operation.OperationName);
        request.Parameters.Add("Version", apiVersion);
        foreach (var (key, value) in operation.Parameters)
        {
            request.Parameters.Add(key, value);
        }

        request.HttpMethod = "POST";
        request.ResourcePath = "/";
        return request;
    }
}
