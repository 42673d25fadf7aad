using Amazon.S3;
using Amazon.S3.Model;
using Pipectl.Aws.CodeCommit;
using Pipectl.Core.Engine;

namespace Pipectl.Aws.Operations;

/// <summary>
/// What a teardown would lose, counted before the question is asked: the branches of the repository
/// (ListBranches) and the objects in a bucket (ListObjectsV2, up to <see cref="ObjectCountLimit"/>).
/// </summary>
public class StackContents(CodeCommitClient codeCommit, IAmazonS3 s3) : IStackContents
{
    /// <summary>Counting stops here: "at least 10000 objects" says enough, and a huge bucket stays cheap to ask about.</summary>
    public const int ObjectCountLimit = 10_000;

    public virtual async Task<int> CountBranchesAsync(string repositoryName, CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await codeCommit.ListBranchesAsync(repositoryName, token, cancellationToken).ConfigureAwait(false);
            count += page.Branches?.Count ?? 0;
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return count;
    }

    /// <summary>The bucket's object count, and whether there are more than <see cref="ObjectCountLimit"/>.</summary>
    public virtual async Task<(int Count, bool More)> CountObjectsAsync(string bucket, CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            count += page.KeyCount ?? page.S3Objects?.Count ?? 0;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null && count < ObjectCountLimit);

        return (count, token is not null);
    }
}
