using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>AWS throttled the request; the SDK retries these with backoff before this surfaces.</summary>
public sealed class AwsThrottlingException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
