using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>The resource cannot be deleted yet because something still depends on it (IAM DeleteConflict, S3 BucketNotEmpty, a rule with targets).</summary>
public sealed class AwsDeleteConflictException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
