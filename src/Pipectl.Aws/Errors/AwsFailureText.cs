using System.Globalization;
using System.Net;
using Amazon.Runtime;

namespace Pipectl.Aws.Errors;

/// <summary>
/// The one line that says what failed in a request to AWS: the service, the operation, the resource, the
/// HTTP status and the request id, the error, and a hint where one is known. Used by every verb.
/// </summary>
public static class AwsFailureText
{
    private static readonly HashSet<string> BadCredentials = new(StringComparer.Ordinal)
    {
        "ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "UnrecognizedClientException",
        "InvalidAccessKeyId", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
        "InvalidSignatureException", "AuthFailure",
    };

    /// <summary>The line for a failed AWS request; null when <paramref name="failure"/> is not one.</summary>
    public static string? Describe(Exception failure)
    {
        var request = AwsFailedRequest.Of(failure);
        var service = FindService(failure);
        if (request is null && service is null)
        {
            return null;
        }

        var what = request is null ? "AWS request" : $"{request.Service} {request.Operation}{(request.Resource is null ? string.Empty : " on " + request.Resource)}";
        if (service is null)
        {
            return $"{what} failed: no reply ({Innermost(failure)}): no HTTP status, no request id. Hint: check the network, the endpoint and the region; a re-run finishes what was started.";
        }

        var status = ((int)service.StatusCode).ToString(CultureInfo.InvariantCulture);
        var code = string.IsNullOrEmpty(service.ErrorCode) ? $"Http{status}" : service.ErrorCode;
        var requestId = string.IsNullOrEmpty(service.RequestId) ? "none" : service.RequestId;
        var message = service.Message.TrimEnd('.');
        var line = $"{what} failed: {code} (HTTP {status}, request id {requestId}): {message}.";
        return Hint(service, code, request) is { } hint ? $"{line} Hint: {hint}" : line;
    }

    /// <summary>
    /// The facts of the failed request behind <paramref name="failure"/>, short, to follow a message that
    /// already says what to do: "S3 PutBucket on bucket b: BucketAlreadyExists, HTTP 409, request id R".
    /// </summary>
    public static string? Brief(Exception failure)
    {
        var request = AwsFailedRequest.Of(failure);
        var service = FindService(failure);
        if (request is null || service is null)
        {
            return null;
        }

        var code = string.IsNullOrEmpty(service.ErrorCode) ? $"Http{(int)service.StatusCode}" : service.ErrorCode;
        var requestId = string.IsNullOrEmpty(service.RequestId) ? "none" : service.RequestId;
        return $"{request.Service} {request.Operation}{(request.Resource is null ? string.Empty : " on " + request.Resource)}: {code}, HTTP {(int)service.StatusCode}, request id {requestId}";
    }

    /// <summary>What a person can do about the failure, when pipectl knows.</summary>
    public static string? Hint(AmazonServiceException failure, string code, AwsFailedRequest? request)
    {
        var operation = request is null ? "this operation" : $"{request.Service} {request.Operation}";
        if (failure is AwsApiException { HtmlReply: true }
            || (code.StartsWith("Http", StringComparison.Ordinal) && failure.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.InternalServerError))
        {
            return $"the endpoint does not seem to implement {operation} (an emulator without it answers this way); check --endpoint-url.";
        }

        if (BadCredentials.Contains(code))
        {
            return "the credentials are invalid or expired: refresh them (`aws sso login`, new keys) or pass another --profile.";
        }

        if (failure is AwsOperationNotAllowedException)
        {
            return "CodeCommit was closed to accounts without a repository from July 2024 until its return to general availability in late 2025; ask AWS support to enable it for this account.";
        }

        if (failure is AwsAccessDeniedException || failure.StatusCode == HttpStatusCode.Forbidden)
        {
            return request is null
                ? "the caller lacks a permission; docs/permissions.md lists every action pipectl needs."
                : $"allow {request.IamAction} for the caller; docs/permissions.md lists every action pipectl needs.";
        }

        if (failure is AwsThrottlingException)
        {
            return "AWS kept throttling after pipectl's retries: wait a minute and run it again.";
        }

        if ((int)failure.StatusCode >= 500)
        {
            return "a fault on the service's side: run it again; a re-run finishes what was started.";
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="failure"/> is a request to AWS that failed (a reply with an error, or no reply): what
    /// a verb that only reads may report as a warning and go on.
    /// </summary>
    public static bool IsRequestFailure(Exception failure) =>
        failure is AmazonServiceException or AmazonClientException or HttpRequestException or IOException;

    /// <summary>The AWS reply a failure holds (its own or an inner exception's): error code, HTTP status, request id; null when none.</summary>
    public static AwsReply? ReplyOf(Exception? failure) =>
        failure is null || FindService(failure) is not { } service
            ? null
            : new AwsReply(service.ErrorCode, (int)service.StatusCode, string.IsNullOrEmpty(service.RequestId) ? null : service.RequestId, service.Message);

    private static AmazonServiceException? FindService(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is AmazonServiceException service)
            {
                return service;
            }
        }

        return null;
    }

    private static string Innermost(Exception failure)
    {
        var root = failure;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        return root == failure ? failure.Message : $"{failure.Message.TrimEnd('.')}: {root.Message.TrimEnd('.')}";
    }
}

/// <summary>What AWS answered to a failed request: its error code (may be empty), HTTP status, request id and message.</summary>
public sealed record AwsReply(string? ErrorCode, int HttpStatus, string? RequestId, string Message);
