using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

/// <summary>The CloudFront distribution driver converged, drifted, and torn down against moto_server.</summary>
[Collection(MotoCollection.Name)]
public sealed class DistributionDriverAgainstMotoTests(MotoServer moto)
{
    private AwsSession Session() => TestSessions.For(moto);

    private static DistributionSpec Desired(string stack) =>
        DesiredStack.From(StackSpec.FromStackName(stack, "us-east-1", "123456789012") with { Site = SiteTypes.CloudFront })
            .Desired<DistributionSpec, DistributionState>(ResourceKeys.Distribution);

    private static string UniqueStack() => $"cf{Guid.NewGuid():N}"[..14];

    [Fact]
    public async Task A_distribution_is_created_tagged_then_unchanged_and_a_drift_is_an_update_of_the_same_distribution()
    {
        using var session = Session();
        var spec = Desired(UniqueStack());
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance) { PollInterval = TimeSpan.FromMilliseconds(10) };

        var (first, created) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
        var (second, read) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Created, first.Action);
        Assert.StartsWith("arn:aws:cloudfront::123456789012:distribution/", first.Arn, StringComparison.Ordinal);
        Assert.Equal(ResourceAction.Unchanged, second.Action);
        Assert.Equal(created!.Id, read!.Id);
        Assert.Equal(spec.Tags, read.Tags);
        Assert.Equal(spec.Name, read.OriginAccessControlName);
        Assert.StartsWith("https://", read.Url, StringComparison.Ordinal);

        // Someone turns off HTTPS in the console: the next run updates that distribution, it does not replace it.
        var (config, etag) = await session.CloudFront.GetDistributionConfigAsync(read.Id, CancellationToken.None);
        foreach (var policy in config.Descendants().Where(e => e.Name.LocalName == "ViewerProtocolPolicy"))
        {
            policy.Value = "allow-all";
        }

        await session.CloudFront.UpdateDistributionAsync(read.Id, Namespaced(config), etag!, CancellationToken.None);
        var (third, updated) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
        Assert.Equal(ResourceAction.Updated, third.Action);
        Assert.Equal(["viewer protocol policy: allow-all -> redirect-to-https"], third.Changes);
        Assert.Equal(read.Id, updated!.Id);
        Assert.Equal(ResourceAction.Unchanged, (await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None)).Outcome.Action);

        await driver.DeleteAsync(updated, CancellationToken.None);
        Assert.Null(await driver.ReadAsync(spec, CancellationToken.None));
        var accessControls = await session.CloudFront.ListOriginAccessControlsAsync(null, CancellationToken.None);
        Assert.DoesNotContain(accessControls.Descendants(), e => e.Name.LocalName == "Name" && e.Value == spec.Name);
    }

    [Fact]
    public async Task A_teardown_with_no_wait_leaves_it_disabled_and_the_next_teardown_deletes_it()
    {
        using var session = Session();
        var spec = Desired(UniqueStack());
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance) { PollInterval = TimeSpan.FromMilliseconds(10) };
        var created = await driver.CreateAsync(spec, CancellationToken.None);

        var noWait = new DistributionDriver(session.CloudFront, SilentProgress.Instance) { NoWait = true };
        await Assert.ThrowsAsync<DeletionDeferredException>(() => noWait.DeleteAsync(created, CancellationToken.None));
        var disabled = await driver.ReadAsync(spec, CancellationToken.None);
        Assert.False(disabled!.Enabled);

        await driver.DeleteAsync(disabled, CancellationToken.None);
        Assert.Null(await driver.ReadAsync(spec, CancellationToken.None));
    }

    [Fact]
    public async Task A_hand_made_access_control_named_like_the_site_bucket_is_neither_adopted_nor_deleted()
    {
        using var session = Session();
        var spec = Desired(UniqueStack());
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance) { PollInterval = TimeSpan.FromMilliseconds(10) };
        var handMade = await session.CloudFront.CreateOriginAccessControlAsync(spec.Name, "made by hand", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ProvisioningException>(() => driver.CreateAsync(spec, CancellationToken.None));

        Assert.Contains($"origin access control {spec.Name} already exists and was not created by pipectl", refused.Message, StringComparison.Ordinal);
        Assert.Null(await driver.ReadAsync(spec, CancellationToken.None));
        Assert.Null(await driver.ReadToDeleteAsync(spec, CancellationToken.None));
        Assert.NotNull(await session.CloudFront.GetOriginAccessControlETagAsync(handMade, CancellationToken.None));
    }

    [Fact]
    public async Task A_teardown_stopped_right_after_deleting_the_distribution_is_finished_by_the_next_one()
    {
        using var session = Session();
        var spec = Desired(UniqueStack());
        var driver = new DistributionDriver(session.CloudFront, SilentProgress.Instance) { PollInterval = TimeSpan.FromMilliseconds(10) };
        var created = await driver.CreateAsync(spec, CancellationToken.None);

        // The first teardown runs up to DeleteDistribution and is killed before it reaches the access control.
        using var killed = new KilledBeforeAccessControl(moto.Endpoint);
        var first = new DistributionDriver(killed, SilentProgress.Instance) { PollInterval = TimeSpan.FromMilliseconds(10) };
        await Assert.ThrowsAsync<OperationCanceledException>(() => first.DeleteAsync(created, CancellationToken.None));
        Assert.Null(await driver.ReadAsync(spec, CancellationToken.None));

        var left = await driver.ReadToDeleteAsync(spec, CancellationToken.None);

        Assert.NotNull(left);
        Assert.True(left.OnlyAccessControlLeft);
        Assert.True(StackOwnership.IsOwnedBy(left, spec.Tags));
        await driver.DeleteAsync(left, CancellationToken.None);
        Assert.Null(await driver.ReadToDeleteAsync(spec, CancellationToken.None));
        var accessControls = await session.CloudFront.ListOriginAccessControlsAsync(null, CancellationToken.None);
        Assert.DoesNotContain(accessControls.Descendants(), e => e.Name.LocalName == "Name" && e.Value == spec.Name);
    }

    /// <summary>A CloudFront client whose process dies (here: the run is cancelled) as it turns to the access control.</summary>
    private sealed class KilledBeforeAccessControl(string endpoint) : Pipectl.Aws.CloudFront.CloudFrontClient(
        new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        new Pipectl.Aws.Runtime.PipectlClientConfig<Pipectl.Aws.Runtime.CloudFrontFacts> { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" })
    {
        public override Task<System.Xml.Linq.XElement> ListOriginAccessControlsAsync(string? marker, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("killed after DeleteDistribution");
    }

    private static System.Xml.Linq.XElement Namespaced(System.Xml.Linq.XElement element) => new(
        Pipectl.Aws.CloudFront.CloudFrontClient.Xmlns + element.Name.LocalName,
        element.HasElements ? element.Elements().Select(Namespaced) : element.Value);
}
