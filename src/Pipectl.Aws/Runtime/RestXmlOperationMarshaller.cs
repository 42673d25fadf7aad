using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Pipectl.Aws.Runtime;

/// <summary>Marshals a REST-XML call: method, resource path, query, headers, the host prefix and an XML body.</summary>
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

        foreach (var (name, value) in operation.Query)
        {
            if (value is null)
            {
                request.AddSubResource(name);
            }
            else
            {
                request.Parameters[name] = value;
                request.UseQueryString = true;
            }
        }

        if (operation.Body is { } body)
        {
            request.Content = Encoding.UTF8.GetBytes(body);
            request.Headers["Content-Type"] = "application/xml";
            request.Headers["x-amz-content-sha256"] = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        }
        else
        {
            request.Headers["x-amz-content-sha256"] = EmptyPayloadSha256;
        }

        return request;
    }
}
