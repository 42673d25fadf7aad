using System.Net;
using System.Security;
using System.Text;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>An error reply exactly as the service would send it, in the request's own protocol.</summary>
public sealed record FaultReply(HttpStatusCode Status, string ContentType, string Body)
{
    public static FaultReply For(AwsWireProtocol protocol, InjectedFault fault)
    {
        if (fault.Kind == FaultKind.Unimplemented)
        {
            return new FaultReply(HttpStatusCode.InternalServerError, "text/html; charset=utf-8",
                "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request.</p>\n");
        }

        var (code, status, message) = fault.Kind switch
        {
            FaultKind.Throttle => protocol switch
            {
                AwsWireProtocol.Json => ("ThrottlingException", HttpStatusCode.BadRequest, "Rate exceeded"),
                AwsWireProtocol.Query => ("Throttling", HttpStatusCode.BadRequest, "Rate exceeded"),
                _ => ("SlowDown", HttpStatusCode.ServiceUnavailable, "Please reduce your request rate."),
            },
            FaultKind.ServerError => protocol switch
            {
                AwsWireProtocol.S3 => ("InternalError", HttpStatusCode.InternalServerError, "We encountered an internal error. Please try again."),
                _ => ("InternalFailure", HttpStatusCode.InternalServerError, "The request processing has failed because of an unknown error, exception or failure."),
            },
            _ => (fault.Code ?? "InternalFailure", fault.Status, fault.Message ?? "injected by the fault proxy"),
        };
        var requestId = Guid.NewGuid().ToString();
        return protocol switch
        {
            AwsWireProtocol.Json => new FaultReply(status, "application/x-amz-json-1.1", $$"""{"__type":"{{code}}","message":"{{message}}"}"""),
            AwsWireProtocol.Query => new FaultReply(status, "text/xml", $"<ErrorResponse><Error><Type>{(status >= HttpStatusCode.InternalServerError ? "Receiver" : "Sender")}</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>"),
            _ => new FaultReply(status, "application/xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message><RequestId>{requestId}</RequestId><HostId>fault-proxy</HostId></Error>"),
        };
    }

    public byte[] Bytes => Encoding.UTF8.GetBytes(Body);
}
