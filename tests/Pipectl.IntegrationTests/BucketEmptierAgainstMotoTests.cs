using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using Pipectl.Aws.Provisioning;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests;

[Collection(MotoCollection.Name)]
public sealed class BucketEmptierAgainstMotoTests(MotoServer moto, ITestOutputHelper output)
{
    private static readonly ParallelOptions Parallel16 = new() { MaxDegreeOfParallelism = 16 };

    private static string UniqueBucket(string purpose) => $"itest-empty-{purpose}-{Guid.NewGuid():N}"[..40];

    private static Task PutAllAsync(IAmazonS3 s3, string bucket, IEnumerable<string> keys, string body) =>
        Parallel.ForEachAsync(keys, Parallel16, async (key, ct) =>
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body }, ct));

    /// <summary>Every version and delete marker, walking all pages with the markers.</summary>
    private static async Task<(int Versions, int DeleteMarkers)> CountAsync(IAmazonS3 s3, string bucket)
    {
        int versions = 0, markers = 0;
        var request = new ListVersionsRequest { BucketName = bucket, MaxKeys = 1000 };
        while (true)
        {
            var page = await s3.ListVersionsAsync(request);
            foreach (var v in page.Versions ?? [])
            {
                if (v.IsDeleteMarker == true)
                {
                    markers++;
                }
                else
                {
                    versions++;
                }
            }

            if (page.IsTruncated != true)
            {
                return (versions, markers);
            }

            request.KeyMarker = page.NextKeyMarker;
            request.VersionIdMarker = page.NextVersionIdMarker;
        }
    }

    private async Task<(long Deleted, int DeleteCalls)> EmptyAndDeleteAsync(string bucket)
    {
        using var session = TestSessions.For(moto);
        var watch = Stopwatch.StartNew();
        var deleted = await new BucketEmptier(session.S3).EmptyAsync(bucket, CancellationToken.None);
        output.WriteLine($"EmptyAsync({bucket}) deleted {deleted} in {watch.ElapsedMilliseconds} ms; calls: {string.Join(", ", session.Counter.Operations.GroupBy(o => o).Select(g => $"{g.Key}x{g.Count()}"))}");

        var left = await session.S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket });
        Assert.Empty(left.Versions ?? []);
        Assert.NotEqual(true, left.IsTruncated);
        await session.S3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket });
        return (deleted, session.Counter.Operations.Count(o => o == "DeleteObjects"));
    }

    [Fact]
    public async Task Versioned_bucket_loses_every_version_and_delete_marker()
    {
        using var session = TestSessions.For(moto);
        var s3 = session.S3;
        var bucket = UniqueBucket("ver");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = bucket,
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        });

        // 1,200 versions: 300 keys written twice and 600 written once; then 900 delete markers, one on each
        // of those names, made in one DeleteObjects without version ids (moto, unlike S3, puts no marker on a
        // name that was never written, so only written names are used).
        var watch = Stopwatch.StartNew();
        var written = Enumerable.Range(0, 900).Select(i => $"builds/{i:D4}.zip").ToList();
        await PutAllAsync(s3, bucket, written, "first");
        await PutAllAsync(s3, bucket, written.Take(300), "second");
        var markerReply = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Quiet = true,
            Objects = written.Select(k => new KeyVersion { Key = k }).ToList(),
        });
        Assert.Empty(markerReply.DeleteErrors ?? []);
        var (versions, markers) = await CountAsync(s3, bucket);
        output.WriteLine($"seeded {versions} versions and {markers} delete markers in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1200, versions);
        Assert.Equal(900, markers);

        var (deleted, deleteCalls) = await EmptyAndDeleteAsync(bucket);

        Assert.Equal(2100, deleted);
        Assert.Equal(3, deleteCalls); // ceil(2,100 / 1,000)
    }

    [Fact]
    public async Task Unversioned_bucket_with_1500_objects_is_emptied_in_two_calls()
    {
        using var session = TestSessions.For(moto);
        var s3 = session.S3;
        var bucket = UniqueBucket("plain");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var watch = Stopwatch.StartNew();
        await PutAllAsync(s3, bucket, Enumerable.Range(0, 1500).Select(i => $"site/{i:D4}.html"), "<p>hi</p>");
        var listed = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, MaxKeys = 1 });
        output.WriteLine($"seeded 1500 objects in {watch.ElapsedMilliseconds} ms; an unversioned object is listed with version id \"{listed.Versions?[0].VersionId}\"");

        var (deleted, deleteCalls) = await EmptyAndDeleteAsync(bucket);

        Assert.Equal(1500, deleted);
        Assert.Equal(2, deleteCalls); // ceil(1,500 / 1,000)
    }

    [Fact]
    public async Task A_missing_bucket_counts_as_empty()
    {
        using var session = TestSessions.For(moto);
        Assert.Equal(0, await new BucketEmptier(session.S3).EmptyAsync(UniqueBucket("gone"), CancellationToken.None));
    }
}
