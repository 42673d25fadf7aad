namespace Pipectl.Aws.Tests.Wire;

/// <summary>What the loopback server answers: status, body, content type and extra headers.</summary>
public sealed record WireReply(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null)
{
    public const string RequestId = "11111111-2222-3333-4444-555555555555";

    public static WireReply Json(string body) => new(200, body);

    /// <summary>A JSON 1.1 error as AWS sends it: __type with the namespace prefix the SDK strips.</summary>
    public static WireReply JsonError(int status, string code, string message) =>
        new(status, $$"""{"__type":"com.amazonaws.service#{{code}}","message":"{{message}}"}""");

    public static WireReply Xml(string body) => new(200, body, "text/xml");

    /// <summary>A Query-protocol error document (IAM, SNS).</summary>
    public static WireReply XmlError(int status, string code, string message) => new(status,
        $"""<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{RequestId}</RequestId></ErrorResponse>""",
        "text/xml");
}
