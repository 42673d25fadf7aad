using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>AWS rejected the request's contents (a value, a missing field, a limit).</summary>
public sealed class AwsValidationException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
