using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// Empties a bucket, versioned or not, so that DeleteBucket can succeed: every object version and every
/// delete marker is deleted by version id (a versioned bucket is empty only when both are gone).
/// </summary>
/// <remarks>
/// Each round lists the first page of what is left (ListObjectVersions, 1,000 entries, versions and delete
/// markers together) and deletes exactly those entries with one quiet DeleteObjects call, until a listing
/// comes back empty. So the number of DeleteObjects calls is ceil(total / 1,000), and a bucket that an
/// interrupted earlier run half emptied is finished the same way. The next listing is deliberately not
/// started while a delete runs: it would see the entries still being deleted.
/// Objects of an unversioned bucket are listed with the version id "null" and deleted with it, which S3
/// accepts. A bucket that no longer exists counts as empty.
/// Out of scope: buckets with Object Lock (retained or legally held versions are refused per key, which
/// surfaces as a <see cref="ProvisioningException"/>; governance bypass is not attempted) and buckets with
/// MFA delete enabled (DeleteObjects by version id needs the x-amz-mfa header, which is not sent).
/// </remarks>
public sealed class BucketEmptier(IAmazonS3 s3)
{
    /// <summary>The most keys ListObjectVersions returns and DeleteObjects accepts in one call.</summary>
    public const int BatchSize = 1000;

    /// <summary>Deletes every version and delete marker of <paramref name="bucket"/>; returns how many were deleted.</summary>
    public async Task<long> EmptyAsync(string bucket, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        long deleted = 0;
        HashSet<(string Key, string? VersionId)>? previous = null;
        while (true)
        {
            List<KeyVersion> page;
            try
            {
                page = await ListFirstPageAsync(bucket, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (IsNoSuchBucket(e))
            {
                return deleted;
            }

            if (page.Count == 0)
            {
                return deleted;
            }

            // Entries deleted without an error must not come back; if they do, stop instead of looping forever.
            if (previous is not null && page.FirstOrDefault(k => previous.Contains((k.Key, k.VersionId))) is { } stuck)
            {
                throw new ProvisioningException($"Emptying the bucket \"{bucket}\" makes no progress: \"{stuck.Key}\" (version {stuck.VersionId ?? "none"}) is still listed after DeleteObjects reported it deleted.");
            }

            try
            {
                await DeleteAsync(bucket, page, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (IsNoSuchBucket(e))
            {
                return deleted;
            }

            deleted += page.Count;
            previous = page.Select(k => (k.Key, (string?)k.VersionId)).ToHashSet();
        }
    }

    private async Task<List<KeyVersion>> ListFirstPageAsync(string bucket, CancellationToken cancellationToken)
    {
        var response = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, MaxKeys = BatchSize }, cancellationToken).ConfigureAwait(false);

        // The SDK reports versions and delete markers in one list (IsDeleteMarker tells them apart); both go.
        return (response.Versions ?? [])
            .Select(v => new KeyVersion { Key = v.Key, VersionId = string.IsNullOrEmpty(v.VersionId) ? null : v.VersionId })
            .ToList();
    }

    private async Task DeleteAsync(string bucket, List<KeyVersion> keys, CancellationToken cancellationToken)
    {
        var request = new DeleteObjectsRequest { BucketName = bucket, Quiet = true, Objects = keys };
        List<DeleteError>? errors;
        try
        {
            var response = await s3.DeleteObjectsAsync(request, cancellationToken).ConfigureAwait(false);
            errors = response.DeleteErrors;
        }
        catch (DeleteObjectsException e)
        {
            // The SDK turns a 200 reply that lists per-key errors into this exception.
            errors = e.Response?.DeleteErrors;
            if (errors is not { Count: > 0 })
            {
                throw new ProvisioningException($"Emptying the bucket \"{bucket}\": DeleteObjects failed: {e.Message}", e);
            }
        }

        if (errors is { Count: > 0 })
        {
            var first = errors[0];
            var version = string.IsNullOrEmpty(first.VersionId) ? string.Empty : $" (version {first.VersionId})";
            throw new ProvisioningException(
                $"Emptying the bucket \"{bucket}\": {errors.Count} of {keys.Count} objects were not deleted; the first, \"{first.Key}\"{version}, failed with {first.Code}: {first.Message}");
        }
    }

    private static bool IsNoSuchBucket(AmazonS3Exception e) =>
        e.ErrorCode == "NoSuchBucket" || (e.StatusCode == HttpStatusCode.NotFound && string.IsNullOrEmpty(e.ErrorCode));
}
