using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// A bucket whose name holds the account (issue 17): the driver lists the caller's buckets before the account is
/// known, and a bucket that listing names is read without its GetBucketLocation; anything it cannot vouch for is
/// found by GetBucketLocation as before, so a bucket of another account is still refused before any write.
/// </summary>
public sealed class ReadWithoutAccountWireTests
{
    private static readonly DesiredStack Demo = TeardownReadWireTests.Demo;
    private static readonly BucketSpec WithoutAccount = DesiredStack.From(StackSpec.FromStackName("demo", "eu-west-2", null)).ArtifactBucket;

    private static WireReply Listing(params string[] names) => new(
        200,
        $"""<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>o</ID></Owner><Buckets>{string.Concat(names.Select(n => $"<Bucket><Name>{n}</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate><BucketRegion>eu-west-2</BucketRegion></Bucket>"))}</Buckets></ListAllMyBucketsResult>""",
        "application/xml");

    /// <summary>Settings of an owned bucket: the listing or location first, then empty (default) answers.</summary>
    private static Func<RecordedRequest, WireReply> Account(WireReply listing, WireReply location) => r =>
        r.Path.StartsWith("/?", StringComparison.Ordinal) || r.Path == "/" ? listing
        : r.Path.EndsWith("?location", StringComparison.Ordinal) ? location
        : r.Path.EndsWith("?versioning", StringComparison.Ordinal) ? new WireReply(200, "<VersioningConfiguration/>", "application/xml")
        : TeardownReadWireTests.S3Error(404, r.Path.EndsWith("?tagging", StringComparison.Ordinal) ? "NoSuchTagSet"
            : r.Path.EndsWith("?encryption", StringComparison.Ordinal) ? "ServerSideEncryptionConfigurationNotFoundError"
            : r.Path.EndsWith("?publicAccessBlock", StringComparison.Ordinal) ? "NoSuchPublicAccessBlockConfiguration"
            : r.Path.EndsWith("?policy", StringComparison.Ordinal) ? "NoSuchBucketPolicy"
            : "NoSuchWebsiteConfiguration");

    private static readonly WireReply Location = new(200, """<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-2</LocationConstraint>""", "application/xml");

    [Fact]
    public async Task A_bucket_the_listing_names_is_read_without_GetBucketLocation()
    {
        using var server = new WireServer { Responder = Account(Listing(Demo.ArtifactBucket.Name), Location) };
        using var session = WireSession.For(server);
        IResourceDriver<BucketSpec, BucketState> driver = new BucketDriver(session.S3, new OwnedBucketListing(session.S3));

        driver.PrepareRead(WithoutAccount, CancellationToken.None);
        var state = await driver.ReadAsync(Demo.ArtifactBucket, CancellationToken.None);

        Assert.NotNull(state);
        var list = server.Requests[0];
        Assert.Equal("GET", list.Method);
        Assert.Contains("bucket-region=eu-west-2", list.Path, StringComparison.Ordinal);
        Assert.Contains($"max-buckets={OwnedBucketListing.MaxBuckets}", list.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("?location", StringComparison.Ordinal));
        Assert.Equal(7, server.Requests.Count);
    }

    [Theory]
    [InlineData("not listed")]
    [InlineData("listing refused")]
    public async Task A_bucket_the_listing_cannot_vouch_for_is_found_by_GetBucketLocation(string listing)
    {
        var answer = listing == "not listed" ? Listing("someone-elses-bucket") : TeardownReadWireTests.S3Error(403, "AccessDenied");
        using var server = new WireServer { Responder = Account(answer, Location) };
        using var session = WireSession.For(server);
        IResourceDriver<BucketSpec, BucketState> driver = new BucketDriver(session.S3, new OwnedBucketListing(session.S3));

        driver.PrepareRead(WithoutAccount, CancellationToken.None);
        var state = await driver.ReadAsync(Demo.ArtifactBucket, CancellationToken.None);

        Assert.NotNull(state);
        Assert.Equal($"/{Demo.ArtifactBucket.Name}/?location", server.Requests[1].Path);
        Assert.Equal(8, server.Requests.Count);
    }

    [Fact]
    public async Task A_bucket_of_another_account_is_still_refused_by_its_own_read_before_anything_is_written()
    {
        using var server = new WireServer { Responder = Account(Listing(), TeardownReadWireTests.S3Error(403, "AccessDenied")) };
        using var session = WireSession.For(server);
        IResourceDriver<BucketSpec, BucketState> driver = new BucketDriver(session.S3, new OwnedBucketListing(session.S3));

        driver.PrepareRead(WithoutAccount, CancellationToken.None);
        var refusal = await Assert.ThrowsAsync<ProvisioningException>(() => driver.ReadAsync(Demo.ArtifactBucket, CancellationToken.None));

        Assert.Contains("taken by another AWS account", refusal.Message, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Without_a_prepared_listing_a_bucket_is_read_as_before()
    {
        using var server = new WireServer { Responder = Account(Listing(Demo.ArtifactBucket.Name), Location) };
        using var session = WireSession.For(server);

        var state = await new BucketDriver(session.S3, new OwnedBucketListing(session.S3)).ReadAsync(Demo.ArtifactBucket, CancellationToken.None);

        Assert.NotNull(state);
        Assert.Equal($"/{Demo.ArtifactBucket.Name}/?location", server.Requests[0].Path);
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith("/?", StringComparison.Ordinal));
    }
}
