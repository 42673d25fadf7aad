using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>The resource already exists (e.g. EntityAlreadyExists, RepositoryNameExistsException, ResourceAlreadyExistsException, BucketAlreadyOwnedByYou).</summary>
public sealed class AwsResourceExistsException(string code, string message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    : AwsApiException(code, message, requestId, statusCode, errorType, inner);
