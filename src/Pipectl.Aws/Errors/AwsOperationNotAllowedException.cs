using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>The account may not call this operation (CodeCommit is closed to accounts that never had a repository).</summary>
public sealed class AwsOperationNotAllowedException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
