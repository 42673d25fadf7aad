using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>The one place that knows which AWS error codes mean what to pipectl.</summary>
public static class AwsErrors
{
    private static readonly HashSet<string> AlreadyExists = new(StringComparer.Ordinal)
    {
        "EntityAlreadyExists", "RepositoryNameExistsException", "ResourceAlreadyExistsException",
        "BucketAlreadyOwnedByYou", "BucketAlreadyExists", "PipelineNameInUseException", "ResourceInUseException",
        "ResourceConflictException", "RepositoryAlreadyExistsException", "ParameterAlreadyExists",
    };

    private static readonly HashSet<string> NotFound = new(StringComparer.Ordinal)
    {
        "NoSuchEntity", "ParameterNotFound", "RepositoryDoesNotExistException", "PipelineNotFoundException", "ResourceNotFoundException",
        "NoSuchBucket", "NoSuchKey", "NotFound", "BranchDoesNotExistException", "NoSuchWebsiteConfiguration",
        "NoSuchBucketPolicy", "NoSuchTagSet", "NoSuchPublicAccessBlockConfiguration",
        "ServerSideEncryptionConfigurationNotFoundError", "PipelineExecutionNotFoundException",
        "ApprovalAlreadyCompletedException", "ActionNotFoundException", "StageNotFoundException",
        "ResourceNotFound", "NoSuchDistribution", "NoSuchOriginAccessControl", "NoSuchFunctionExists",
        "RepositoryNotFoundException", "LifecyclePolicyNotFoundException", "ClusterNotFoundException",
    };

    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "RequestThrottled",
        "ProvisionedThroughputExceededException", "LimitExceededException", "Throttled",
    };

    private static readonly HashSet<string> Conflict = new(StringComparer.Ordinal)
    {
        "DeleteConflict", "BucketNotEmpty", "ConcurrentModificationException", "ConcurrentModification",
        "OperationAbortedException", "RepositoryNotEmptyException",
    };

    private static readonly HashSet<string> AccessDenied = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException",
        "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
        "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken", "AuthFailure",
        "InvalidSignatureException", "NotAuthorized", "AuthorizationError",
    };

    private static readonly HashSet<string> Validation = new(StringComparer.Ordinal)
    {
        "ValidationException", "ValidationError", "InvalidInputException", "InvalidInput",
        "InvalidParameterValue", "InvalidParameterException", "InvalidStructureException",
        "MalformedPolicyDocument", "InvalidRepositoryNameException", "InvalidArgument", "InvalidBucketName",
        "InvalidLocationConstraint", "IllegalLocationConstraintException", "InvalidParameter",
        "InvalidParameterCombination", "MissingParameter", "InvalidEventPatternException",
    };

    /// <summary>
    /// The exception for an error reply that is an HTML page instead of an AWS error document: a proxy's
    /// page, or an endpoint (an emulator) that does not implement the operation and answers with its own 500.
    /// </summary>
    public static AwsApiException FromHtmlReply(HttpStatusCode statusCode, string? requestId, Exception? inner)
    {
        var failure = Create(null, $"the endpoint answered with an HTML page (HTTP {(int)statusCode}), not an AWS error reply", requestId, statusCode, ErrorType.Unknown, inner);
        failure.HtmlReply = true;
        return failure;
    }

    /// <summary>True when a reply's Content-Type says HTML.</summary>
    public static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds the typed exception for an AWS error reply.</summary>
    public static AwsApiException Create(string? code, string? message, string? requestId, HttpStatusCode statusCode, ErrorType errorType, Exception? inner)
    {
        code = string.IsNullOrEmpty(code) ? $"Http{(int)statusCode}" : code;
        message ??= string.Empty;
        if (IsIamPropagation(code, message))
        {
            return new AwsIamPropagationException(code, message, requestId, statusCode, errorType, inner);
        }

        if (AlreadyExists.Contains(code))
        {
            return new AwsResourceExistsException(code, message, requestId, statusCode, errorType, inner);
        }

        if (NotFound.Contains(code))
        {
            return new AwsResourceNotFoundException(code, message, requestId, statusCode, errorType, inner);
        }

        if (Throttling.Contains(code))
        {
            return new AwsThrottlingException(code, message, requestId, statusCode, errorType, inner);
        }

        if (Conflict.Contains(code) || (code == "ValidationException" && message.Contains("targets", StringComparison.OrdinalIgnoreCase)))
        {
            return new AwsDeleteConflictException(code, message, requestId, statusCode, errorType, inner);
        }

        if (AccessDenied.Contains(code) || statusCode == HttpStatusCode.Forbidden)
        {
            return new AwsAccessDeniedException(code, message, requestId, statusCode, errorType, inner);
        }

        if (code == "OperationNotAllowedException")
        {
            return new AwsOperationNotAllowedException(code, message, requestId, statusCode, errorType, inner);
        }

        if (Validation.Contains(code))
        {
            return new AwsValidationException(code, message, requestId, statusCode, errorType, inner);
        }

        return new AwsApiException(code, message, requestId, statusCode, errorType, inner);
    }

    /// <summary>
    /// A role created seconds ago is rejected by CodeBuild (InvalidInputException "... not authorized to
    /// perform: sts:AssumeRole") and CodePipeline (InvalidStructureException "... not authorized to perform
    /// AssumeRole") until IAM has propagated it. Only these are retried for propagation.
    /// </summary>
    public static bool IsIamPropagation(string code, string message) =>
        (code is "InvalidInputException" or "InvalidStructureException")
        && message.Contains("AssumeRole", StringComparison.OrdinalIgnoreCase)
        && message.Contains("not authorized", StringComparison.OrdinalIgnoreCase);
}
