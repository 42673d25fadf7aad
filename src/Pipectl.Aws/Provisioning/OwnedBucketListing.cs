using Amazon.S3;
using Amazon.S3.Model;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The caller's buckets in a region, as one ListBuckets names them: a read that needs no bucket name, so it can
/// go out before the account (part of the default bucket names) is known. A bucket it lists exists and is the
/// caller's, so the bucket's first read (GetBucketLocation) is not needed and its settings are read at once.
/// Anything else (not listed, a listing cut short, a caller without s3:ListAllMyBuckets) is "unknown": the
/// bucket is then found by its own GetBucketLocation, as without a listing, which also tells a bucket of
/// another account (403) before anything is written.
/// </summary>
public sealed class OwnedBucketListing(IAmazonS3 s3)
{
    /// <summary>The most one ListBuckets answers with; more buckets in the region leave the rest unknown.</summary>
    public const int MaxBuckets = 1000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<IReadOnlySet<string>?>>> _byRegion = new(StringComparer.Ordinal);

    /// <summary>Starts listing the caller's buckets in <paramref name="region"/> (once per region).</summary>
    public void Start(string region, CancellationToken cancellationToken) =>
        _ = _byRegion.GetOrAdd(region, r => new Lazy<Task<IReadOnlySet<string>?>>(() => ListAsync(r, cancellationToken))).Value;

    /// <summary>True when a listing of <paramref name="region"/> was started and names <paramref name="bucket"/>; false when unknown.</summary>
    public async Task<bool> ListsAsync(string bucket, string region) =>
        _byRegion.TryGetValue(region, out var listing) && await listing.Value.ConfigureAwait(false) is { } names && names.Contains(bucket);

    private async Task<IReadOnlySet<string>?> ListAsync(string region, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await s3.ListBucketsAsync(new ListBucketsRequest { BucketRegion = region, MaxBuckets = MaxBuckets }, cancellationToken).ConfigureAwait(false);
            return (reply.Buckets ?? []).Select(b => b.BucketName).ToHashSet(StringComparer.Ordinal);
        }
        catch (AmazonS3Exception)
        {
            // Refused (no s3:ListAllMyBuckets) or failed: every bucket is found by its own first read instead.
            return null;
        }
    }
}
