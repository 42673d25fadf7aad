using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Pipectl.Aws.Errors;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Keeps an XML reply (Query, or REST-XML with its ETag header) as bytes; error replies go through the SDK's
/// XML error parser.
/// </summary>
internal sealed class QueryOperationUnmarshaller : XmlResponseUnmarshaller
{
    public static QueryOperationUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
    {
        using var buffer = new MemoryStream();
        context.Stream.CopyTo(buffer);
        var etag = context.ResponseData.IsHeaderPresent("ETag") ? context.ResponseData.GetHeaderValue("ETag") : null;
        return new RawResponse { Body = buffer.ToArray(), ETag = etag };
    }

    public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        if (AwsErrors.IsHtml(context.ResponseData.GetHeaderValue("Content-Type")))
        {
            return AwsErrors.FromHtmlReply(statusCode, context.ResponseData.GetHeaderValue("x-amzn-RequestId"), innerException);
        }

        var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
        return AwsErrors.Create(error.Code, error.Message, error.RequestId, statusCode, error.Type, innerException);
    }
}
