using Moq;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Tests.Orchestration;

public sealed class ConvergerTests
{
    private static readonly Dictionary<string, string> Tags = new() { ["pipectl:stack"] = "demo" };
    private static readonly RuleSpec Desired = new("demo-trigger", "d", """{"source":["aws.codecommit"]}""", new RuleTarget("pipeline", "arn:p", "arn:r"), Tags);
    private static readonly RuleState Same = new("demo-trigger", "arn:rule", """{"source":["aws.codecommit"]}""", true, [new RuleTarget("pipeline", "arn:p", "arn:r")], Tags);

    private static Mock<IResourceDriver<RuleSpec, RuleState>> Driver(RuleState? existing)
    {
        var driver = new Mock<IResourceDriver<RuleSpec, RuleState>>(MockBehavior.Strict);
        driver.SetupGet(d => d.Type).Returns(ResourceTypes.Rule);
        driver.Setup(d => d.ReadAsync(Desired, It.IsAny<CancellationToken>())).ReturnsAsync(existing);
        driver.Setup(d => d.ArnOf(It.IsAny<RuleState>())).Returns((RuleState s) => s.Arn);
        return driver;
    }

    [Fact]
    public async Task Missing_resource_is_created()
    {
        var driver = Driver(null);
        driver.Setup(d => d.CreateAsync(Desired, It.IsAny<CancellationToken>())).ReturnsAsync(Same);

        var (outcome, state) = await Converger.ConvergeAsync(driver.Object, Desired, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Created, outcome.Action);
        Assert.Equal("arn:rule", outcome.Arn);
        Assert.Same(Same, state);
    }

    [Fact]
    public async Task Resource_in_the_desired_state_is_left_alone()
    {
        var driver = Driver(Same);

        var (outcome, _) = await Converger.ConvergeAsync(driver.Object, Desired, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Unchanged, outcome.Action);
        driver.Verify(d => d.CreateAsync(It.IsAny<RuleSpec>(), It.IsAny<CancellationToken>()), Times.Never);
        driver.Verify(d => d.UpdateAsync(It.IsAny<RuleSpec>(), It.IsAny<RuleState>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Drifted_resource_is_updated_with_the_differences()
    {
        var drifted = Same with { Targets = [new RuleTarget("pipeline", "arn:other", "arn:r")] };
        var driver = Driver(drifted);
        driver.Setup(d => d.UpdateAsync(Desired, drifted, It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(Same);

        var (outcome, _) = await Converger.ConvergeAsync(driver.Object, Desired, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Updated, outcome.Action);
        Assert.Contains(outcome.Changes, c => c.Contains("arn:other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dry_run_plans_without_mutating()
    {
        var missing = Driver(null);
        var drifted = Driver(Same with { Enabled = false });

        var (create, _) = await Converger.ConvergeAsync(missing.Object, Desired, dryRun: true, CancellationToken.None);
        var (update, _) = await Converger.ConvergeAsync(drifted.Object, Desired, dryRun: true, CancellationToken.None);

        Assert.Equal(ResourceAction.WouldCreate, create.Action);
        Assert.Equal(ResourceAction.WouldUpdate, update.Action);
        Assert.Equal(["state: DISABLED -> ENABLED"], update.Changes);
    }
}
