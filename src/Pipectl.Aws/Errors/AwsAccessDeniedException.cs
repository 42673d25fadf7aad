using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>The caller's credentials lack a permission, or the credentials are invalid or expired.</summary>
public sealed class AwsAccessDeniedException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
