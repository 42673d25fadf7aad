using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Pipectl.Aws.Errors;

namespace Pipectl.Aws.Runtime;

/// <summary>Keeps a REST-XML reply's body and ETag header; error replies go through the SDK's XML error parser.</summary>
internal sealed class RestXmlOperationUnmarshaller : XmlResponseUnmarshaller
{
    public static RestXmlOperationUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
    {
        using var buffer = new MemoryStream();
        context.Stream.CopyTo(buffer);
        var etag = context.ResponseData.IsHeaderPresent("ETag") ? context.ResponseData.GetHeaderValue("ETag") : null;
        return new RawResponse { Body = buffer.ToArray(), ETag = etag };
    }

    public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
        return AwsErrors.Create(error.Code, error.Message, error.RequestId, statusCode, error.Type, innerException);
    }
}
