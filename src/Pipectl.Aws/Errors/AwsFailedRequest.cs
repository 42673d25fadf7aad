namespace Pipectl.Aws.Errors;

/// <summary>
/// The request a failure came from: the service, the operation, the resource it named and the IAM action
/// prefix. Attached to the exception (any exception: an AWS error reply, a dropped connection, an SDK S3
/// error) by the runtime where the request is sent, so every caller can say what failed without knowing it.
/// </summary>
/// <param name="Service">The SDK service id, e.g. "CodeCommit".</param>
/// <param name="Operation">The AWS operation, e.g. "GetBranch".</param>
/// <param name="Resource">What the request named, e.g. "repository demo" (null when it named nothing).</param>
/// <param name="ActionPrefix">The IAM action prefix (the signing name), e.g. "codecommit".</param>
public sealed record AwsFailedRequest(string Service, string Operation, string? Resource, string ActionPrefix)
{
    private const string Key = "pipectl.request";

    /// <summary>The IAM action a caller needs for this request, e.g. "codecommit:GetBranch".</summary>
    public string IamAction => $"{ActionPrefix}:{S3Actions.GetValueOrDefault(Operation, Operation)}";

    /// <summary>Where the SDK's S3 operation names differ from the IAM actions that allow them.</summary>
    private static readonly Dictionary<string, string> S3Actions = new(StringComparer.Ordinal)
    {
        ["PutBucket"] = "CreateBucket",
        ["ListObjectsV2"] = "ListBucket",
        ["ListObjects"] = "ListBucket",
        ["ListObjectVersions"] = "ListBucketVersions",
        ["DeleteObjects"] = "DeleteObject",
        ["GetBucketWebsite"] = "GetBucketWebsite",
        ["PutPublicAccessBlock"] = "PutBucketPublicAccessBlock",
        ["GetPublicAccessBlock"] = "GetBucketPublicAccessBlock",
        ["PutBucketEncryption"] = "PutEncryptionConfiguration",
        ["GetBucketEncryption"] = "GetEncryptionConfiguration",
        ["PutBucketTagging"] = "PutBucketTagging",
        ["HeadBucket"] = "ListBucket",
    };

    /// <summary>Records <paramref name="request"/> on <paramref name="failure"/> unless an inner call already did.</summary>
    public static void Attach(Exception failure, AwsFailedRequest request)
    {
        if (!failure.Data.Contains(Key))
        {
            failure.Data[Key] = request;
        }
    }

    /// <summary>The request recorded on the failure or one of its causes; null when none was.</summary>
    public static AwsFailedRequest? Of(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e.Data.Contains(Key) && e.Data[Key] is AwsFailedRequest request)
            {
                return request;
            }
        }

        return null;
    }
}
