using System.Xml.Linq;
using Pipectl.Aws.CloudFront;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Runtime;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// moto_launcher.py's CloudFront patches, each shown with plain CloudFront calls: the ARN, the origin's access
/// control, the summary's origins, a new ETag and InProgress after an update, and a delete refused unless the
/// distribution is disabled, deployed and named with its latest ETag.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoCloudFrontPatchTests(MotoServer moto)
{
    private static readonly XNamespace Ns = CloudFrontClient.Xmlns;

    [Fact]
    public async Task A_distribution_reads_back_as_CloudFront_documents_it()
    {
        using var session = TestSessions.For(moto);
        var (created, _) = await session.CloudFront.CreateDistributionWithTagsAsync(WithTags(Config(Guid.NewGuid().ToString("N"), enabled: true)), CancellationToken.None);
        var id = created.ChildText("Id")!;

        Assert.Equal($"arn:aws:cloudfront::123456789012:distribution/{id}", created.ChildText("ARN"));
        var (config, _) = await session.CloudFront.GetDistributionConfigAsync(id, CancellationToken.None);
        Assert.Equal("OAC-TEST", config.Descendants().Single(e => e.Name.LocalName == "OriginAccessControlId").Value);
        var list = await session.CloudFront.ListDistributionsAsync(null, CancellationToken.None);
        var summary = list.Child("Items")!.Elements().Single(s => s.ChildText("Id") == id);
        Assert.Equal("site.s3.us-east-1.amazonaws.com", summary.Child("Origins").Child("Items")!.Elements().Single().ChildText("DomainName"));
    }

    [Fact]
    public async Task An_update_needs_the_current_etag_and_a_delete_a_disabled_deployed_distribution_and_its_latest_etag()
    {
        using var session = TestSessions.For(moto);
        var reference = Guid.NewGuid().ToString("N");
        var (created, firstETag) = await session.CloudFront.CreateDistributionWithTagsAsync(WithTags(Config(reference, enabled: true)), CancellationToken.None);
        var id = created.ChildText("Id")!;
        var (_, configETag) = await session.CloudFront.GetDistributionConfigAsync(id, CancellationToken.None);

        var enabled = await Assert.ThrowsAsync<AwsApiException>(() => session.CloudFront.DeleteDistributionAsync(id, configETag!, CancellationToken.None));
        Assert.Equal("DistributionNotDisabled", enabled.Code);
        var (disabled, secondETag) = await session.CloudFront.UpdateDistributionAsync(id, Config(reference, enabled: false), configETag!, CancellationToken.None);
        Assert.NotEqual(firstETag, secondETag);
        Assert.Equal("InProgress", disabled.ChildText("Status"));
        var stale = await Assert.ThrowsAsync<AwsApiException>(() => session.CloudFront.UpdateDistributionAsync(id, Config(reference, enabled: false), configETag!, CancellationToken.None));
        Assert.Equal("PreconditionFailed", stale.Code);

        var (first, _) = await session.CloudFront.GetDistributionAsync(id, CancellationToken.None);
        Assert.Equal("InProgress", first.ChildText("Status"));
        var notDeployed = await Assert.ThrowsAsync<AwsApiException>(() => session.CloudFront.DeleteDistributionAsync(id, secondETag!, CancellationToken.None));
        Assert.Equal("DistributionNotDisabled", notDeployed.Code);
        var (second, latest) = await session.CloudFront.GetDistributionAsync(id, CancellationToken.None);
        Assert.Equal("Deployed", second.ChildText("Status"));
        await session.CloudFront.DeleteDistributionAsync(id, latest!, CancellationToken.None);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CloudFront.GetDistributionAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_function_needs_If_Match_for_each_change_publishes_to_LIVE_and_cannot_be_deleted_while_a_distribution_uses_it()
    {
        using var session = TestSessions.For(moto);
        var name = "ml-fn-" + Guid.NewGuid().ToString("N")[..8];
        var code = "async function handler(event) { return event.request; }"u8.ToArray();
        var cf = session.CloudFront;

        var (created, etag) = await cf.CreateFunctionAsync(name, "launcher test", "cloudfront-js-2.0", code, new Dictionary<string, string>(), CancellationToken.None);
        Assert.Equal("DEVELOPMENT", created.Child("FunctionMetadata").ChildText("Stage"));
        var noLive = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => cf.GetFunctionCodeAsync(name, "LIVE", CancellationToken.None));
        Assert.Equal("NoSuchFunctionExists", noLive.Code);
        var badRuntime = await Assert.ThrowsAnyAsync<AwsApiException>(() => cf.CreateFunctionAsync(name + "x", "c", "nodejs20.x", code, new Dictionary<string, string>(), CancellationToken.None));
        Assert.Equal("InvalidArgument", badRuntime.Code);
        var missing = await Assert.ThrowsAnyAsync<AwsApiException>(() => cf.PublishFunctionAsync(name, string.Empty, CancellationToken.None));
        Assert.Equal("InvalidIfMatchVersion", missing.Code);
        var stale = await Assert.ThrowsAnyAsync<AwsApiException>(() => cf.PublishFunctionAsync(name, "E-OTHER", CancellationToken.None));
        Assert.Equal("PreconditionFailed", stale.Code);

        // A distribution may associate only a published function.
        var arn = created.Child("FunctionMetadata").ChildText("FunctionARN")!;
        var unpublished = await Assert.ThrowsAnyAsync<AwsApiException>(() => cf.CreateDistributionWithTagsAsync(WithTags(Config(Guid.NewGuid().ToString("N"), enabled: true, functionArn: arn)), CancellationToken.None));
        Assert.Equal("InvalidFunctionAssociation", unpublished.Code);
        await cf.PublishFunctionAsync(name, etag!, CancellationToken.None);
        Assert.Equal(code, await cf.GetFunctionCodeAsync(name, "LIVE", CancellationToken.None));
        var (distribution, _) = await cf.CreateDistributionWithTagsAsync(WithTags(Config(Guid.NewGuid().ToString("N"), enabled: true, functionArn: arn)), CancellationToken.None);
        var (config, _) = await cf.GetDistributionConfigAsync(distribution.ChildText("Id")!, CancellationToken.None);
        Assert.Equal(arn, config.Descendants().Single(e => e.Name.LocalName == "FunctionARN").Value);

        var inUse = await Assert.ThrowsAnyAsync<AwsApiException>(() => cf.DeleteFunctionAsync(name, etag!, CancellationToken.None));
        Assert.Equal("FunctionInUse", inUse.Code);
        var (_, updatedETag) = await cf.UpdateFunctionAsync(name, "launcher test", "cloudfront-js-2.0", "async function handler(e) { return e.request; }"u8.ToArray(), etag!, CancellationToken.None);
        Assert.NotEqual(etag, updatedETag);
        Assert.Equal(code, await cf.GetFunctionCodeAsync(name, "LIVE", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_If_Match_is_InvalidIfMatchVersion_and_an_access_control_is_deleted_only_unused_with_its_etag()
    {
        // CloudFront API Reference, UpdateDistribution / DeleteDistribution / DeleteOriginAccessControl errors:
        // InvalidIfMatchVersion for a missing If-Match, PreconditionFailed for another version, and
        // OriginAccessControlInUse while an origin names the access control.
        using var session = TestSessions.For(moto);
        var accessControl = await session.CloudFront.CreateOriginAccessControlAsync("oac-" + Guid.NewGuid().ToString("N")[..12], "patch test", CancellationToken.None);
        var reference = Guid.NewGuid().ToString("N");
        var (created, _) = await session.CloudFront.CreateDistributionWithTagsAsync(WithTags(Config(reference, enabled: true, accessControl)), CancellationToken.None);
        var id = created.ChildText("Id")!;

        var noIfMatch = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.UpdateDistributionAsync(id, Config(reference, enabled: false, accessControl), string.Empty, CancellationToken.None));
        var deleteNoIfMatch = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.DeleteDistributionAsync(id, string.Empty, CancellationToken.None));
        var etag = await session.CloudFront.GetOriginAccessControlETagAsync(accessControl, CancellationToken.None);
        var controlNoIfMatch = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.DeleteOriginAccessControlAsync(accessControl, string.Empty, CancellationToken.None));
        var controlStale = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.DeleteOriginAccessControlAsync(accessControl, "E-NOT-CURRENT", CancellationToken.None));
        var inUse = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.DeleteOriginAccessControlAsync(accessControl, etag!, CancellationToken.None));

        Assert.Equal("InvalidIfMatchVersion", noIfMatch.Code);
        Assert.Equal("InvalidIfMatchVersion", deleteNoIfMatch.Code);
        Assert.Equal("InvalidIfMatchVersion", controlNoIfMatch.Code);
        Assert.Equal("PreconditionFailed", controlStale.Code);
        Assert.Equal("OriginAccessControlInUse", inUse.Code);

        var (_, configETag) = await session.CloudFront.GetDistributionConfigAsync(id, CancellationToken.None);
        await session.CloudFront.UpdateDistributionAsync(id, Config(reference, enabled: false, "OAC-OTHER"), configETag!, CancellationToken.None);
        await session.CloudFront.DeleteOriginAccessControlAsync(accessControl, etag!, CancellationToken.None);
        Assert.DoesNotContain(
            (await session.CloudFront.ListOriginAccessControlsAsync(null, CancellationToken.None)).Descendants().Where(e => e.Name.LocalName == "Id"),
            e => e.Value == accessControl);
    }

    [Fact]
    public async Task An_access_control_name_is_taken_once_per_account_until_it_is_deleted()
    {
        // CloudFront API Reference, CreateOriginAccessControl: OriginAccessControlAlreadyExists (409) for a name the
        // account already has; moto 5.2.1 made a second control of one name.
        using var session = TestSessions.For(moto);
        var name = "oac-" + Guid.NewGuid().ToString("N")[..12];
        var first = await session.CloudFront.CreateOriginAccessControlAsync(name, "first", CancellationToken.None);

        var again = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.CreateOriginAccessControlAsync(name, "second", CancellationToken.None));

        Assert.Equal("OriginAccessControlAlreadyExists", again.Code);
        Assert.Single((await session.CloudFront.ListOriginAccessControlsAsync(null, CancellationToken.None)).Descendants(), e => e.Name.LocalName == "Name" && e.Value == name);
        var etag = await session.CloudFront.GetOriginAccessControlETagAsync(first, CancellationToken.None);
        await session.CloudFront.DeleteOriginAccessControlAsync(first, etag!, CancellationToken.None);
        Assert.NotEqual(first, await session.CloudFront.CreateOriginAccessControlAsync(name, "after the delete", CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_reference_sent_once_is_DistributionAlreadyExists_even_after_its_distribution_is_deleted()
    {
        // CloudFront API Reference, DistributionConfig.CallerReference: "If CallerReference is a value that you already
        // sent in a previous request to create a distribution, CloudFront returns a DistributionAlreadyExists error."
        // moto 5.2.1 compared only with the distributions that still exist.
        using var session = TestSessions.For(moto);
        var reference = Guid.NewGuid().ToString("N");
        var (created, _) = await session.CloudFront.CreateDistributionWithTagsAsync(WithTags(Config(reference, enabled: false)), CancellationToken.None);
        var id = created.ChildText("Id")!;

        var twice = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.CreateDistributionWithTagsAsync(WithTags(Config(reference, enabled: false)), CancellationToken.None));
        Assert.Equal("DistributionAlreadyExists", twice.Code);

        // The launcher deploys a distribution after it has been looked at twice.
        string? etag = null;
        for (var look = 0; look < 3 && etag is null; look++)
        {
            var (distribution, latest) = await session.CloudFront.GetDistributionAsync(id, CancellationToken.None);
            etag = distribution.ChildText("Status") == "Deployed" ? latest : null;
        }

        await session.CloudFront.DeleteDistributionAsync(id, etag!, CancellationToken.None);

        var afterDelete = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CloudFront.CreateDistributionWithTagsAsync(WithTags(Config(reference, enabled: false)), CancellationToken.None));
        Assert.Equal("DistributionAlreadyExists", afterDelete.Code);
        var (fresh, _) = await session.CloudFront.CreateDistributionWithTagsAsync(WithTags(Config(Guid.NewGuid().ToString("N"), enabled: false)), CancellationToken.None);
        Assert.NotEqual(id, fresh.ChildText("Id"));
    }

    private static XElement WithTags(XElement config) =>
        new(Ns + "DistributionConfigWithTags", config, new XElement(Ns + "Tags", new XElement(Ns + "Items")));

    private static XElement Config(string reference, bool enabled, string accessControl = "OAC-TEST", string? functionArn = null) => new(
        Ns + "DistributionConfig",
        new XElement(Ns + "CallerReference", reference),
        new XElement(Ns + "Origins", new XElement(Ns + "Quantity", 1), new XElement(Ns + "Items", new XElement(
            Ns + "Origin",
            new XElement(Ns + "Id", "o"),
            new XElement(Ns + "DomainName", "site.s3.us-east-1.amazonaws.com"),
            new XElement(Ns + "S3OriginConfig", new XElement(Ns + "OriginAccessIdentity", string.Empty)),
            new XElement(Ns + "OriginAccessControlId", accessControl)))),
        new XElement(
            Ns + "DefaultCacheBehavior",
            new XElement(Ns + "TargetOriginId", "o"),
            new XElement(Ns + "ViewerProtocolPolicy", "redirect-to-https"),
            functionArn is null ? null : new XElement(Ns + "FunctionAssociations", new XElement(Ns + "Quantity", 1), new XElement(Ns + "Items", new XElement(
                Ns + "FunctionAssociation", new XElement(Ns + "FunctionARN", functionArn), new XElement(Ns + "EventType", "viewer-request"))))),
        new XElement(Ns + "Comment", "patch test"),
        new XElement(Ns + "Enabled", enabled ? "true" : "false"));
}
