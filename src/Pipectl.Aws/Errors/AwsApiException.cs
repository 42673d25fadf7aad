using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>
/// An error reply from AWS through one of pipectl's clients: the AWS error code, message and request id.
/// Subclasses name the errors pipectl acts on. It derives from <see cref="AmazonServiceException"/> so the
/// SDK's retry policy still sees the code and the HTTP status (throttling and 5xx are retried).
/// </summary>
public class AwsApiException : AmazonServiceException
{
    public AwsApiException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
        : base(string.IsNullOrEmpty(message) ? code : message, inner, errorType, code, requestId, statusCode)
    {
    }

    /// <summary>The AWS error code, e.g. "EntityAlreadyExists".</summary>
    public string Code => ErrorCode;

    /// <summary>The request that failed (service, operation, resource), set by the runtime that sent it.</summary>
    public AwsFailedRequest? Request => AwsFailedRequest.Of(this);

    /// <summary>True when the reply was an HTML page, not an AWS error document (a proxy, or an endpoint that lacks the operation).</summary>
    public bool HtmlReply { get; internal set; }
}
