using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>The resource does not exist (e.g. NoSuchEntity, RepositoryDoesNotExistException, PipelineNotFoundException, ResourceNotFoundException, NoSuchBucket).</summary>
public sealed class AwsResourceNotFoundException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
