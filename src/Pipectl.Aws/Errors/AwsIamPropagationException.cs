using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>A role created moments ago is not yet usable by the service (IAM is eventually consistent); retry with backoff.</summary>
public sealed class AwsIamPropagationException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
