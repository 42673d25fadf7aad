using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Pipectl.Aws.Errors;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// Keeps a JSON 1.1 reply's body as bytes; turns an error reply into the matching typed exception through
/// the SDK's own JSON error parser (which strips the "namespace#" of __type).
/// </summary>
internal sealed class JsonOperationUnmarshaller : JsonResponseUnmarshaller
{
    public static JsonOperationUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        using var buffer = new MemoryStream();
        context.Stream.CopyTo(buffer);
        return new RawResponse { Body = buffer.ToArray() };
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        if (AwsErrors.IsHtml(context.ResponseData.GetHeaderValue("Content-Type")))
        {
            return AwsErrors.FromHtmlReply(statusCode, context.ResponseData.GetHeaderValue("x-amzn-RequestId"), innerException);
        }

        var reader = new StreamingUtf8JsonReader(context.Stream);
        var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
        return AwsErrors.Create(error.Code, error.Message, error.RequestId, statusCode, error.Type, innerException);
    }
}
