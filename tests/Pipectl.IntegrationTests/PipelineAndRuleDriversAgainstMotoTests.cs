using Pipectl.Aws.Iam;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

/// <summary>
/// The pipeline and rule drivers converging against moto_server: created, then unchanged (no false drift
/// after moto fills in run orders, empty configurations and artifact lists), then updated after a change.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PipelineAndRuleDriversAgainstMotoTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private static StackSpec UniqueStack() =>
        StackSpec.FromStackName($"it{Guid.NewGuid():N}"[..14], "us-east-1", Account) with { ApprovalEmail = "ops@example.com" };

    private static IamPropagation Propagation() => new(SilentProgress.Instance, (_, _) => Task.CompletedTask);

    [Fact]
    public async Task Pipeline_is_created_then_unchanged_then_updated_when_the_branch_changes()
    {
        using var session = TestSessions.For(moto);
        var stack = UniqueStack();
        await CreatePipelineRoleAsync(session, stack);
        var driver = new PipelineDriver(session.CodePipeline, Propagation());
        var spec = DesiredStack.From(stack).Pipeline;

        var (created, createdState) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
        Assert.Equal(ResourceAction.Created, created.Action);
        Assert.Equal($"arn:aws:codepipeline:us-east-1:{Account}:{stack.PipelineName}", created.Arn);
        Assert.Equal(1, createdState!.Declaration.Version);

        var (again, _) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
        Assert.True(again.Action == ResourceAction.Unchanged, $"false drift: {string.Join("; ", again.Changes)}");

        var changed = DesiredStack.From(stack with { Branch = "release" }).Pipeline;
        var (updated, updatedState) = await Converger.ConvergeAsync(driver, changed, dryRun: false, CancellationToken.None);
        Assert.Equal(ResourceAction.Updated, updated.Action);
        Assert.Contains(updated.Changes, c => c.Contains("BranchName", StringComparison.Ordinal));
        Assert.Equal(2, updatedState!.Declaration.Version);

        var read = await session.CodePipeline.GetPipelineAsync(stack.PipelineName);
        var source = read.Pipeline!.Stages.Single(s => s.Name == PipelineDeclarationFactory.SourceStageName).Actions.Single();
        Assert.Equal("release", source.Configuration!["BranchName"]);
        Assert.Equal("false", source.Configuration["PollForSourceChanges"]);
        Assert.Equal(2, read.Pipeline.Version);
        Assert.Equal("V2", read.Pipeline.PipelineType);
        var tags = await session.CodePipeline.ListAllTagsForResourceAsync(created.Arn!);
        Assert.Contains(tags, t => t.Key == StackDefaults.StackTagKey && t.Value == stack.StackName);

        var (settled, _) = await Converger.ConvergeAsync(driver, changed, dryRun: false, CancellationToken.None);
        Assert.True(settled.Action == ResourceAction.Unchanged, $"false drift after the update: {string.Join("; ", settled.Changes)}");
    }

    [Fact]
    public async Task Pipeline_create_of_an_existing_pipeline_converges_it_instead_of_failing()
    {
        // moto answers a duplicate CreatePipeline with InvalidStructureException "A pipeline with the name
        // '…' already exists in account '…'" (AWS: PipelineNameInUseException): a lost reply on a re-run.
        using var session = TestSessions.For(moto);
        var stack = UniqueStack();
        await CreatePipelineRoleAsync(session, stack);
        var driver = new PipelineDriver(session.CodePipeline, Propagation());
        await driver.CreateAsync(DesiredStack.From(stack).Pipeline, CancellationToken.None);

        var state = await driver.CreateAsync(DesiredStack.From(stack with { Branch = "hotfix" }).Pipeline, CancellationToken.None);

        Assert.Equal(2, state.Declaration.Version);
        Assert.Equal("hotfix", state.Declaration.Stages[0].Actions[0].Configuration["BranchName"]);
        var read = await session.CodePipeline.GetPipelineAsync(stack.PipelineName);
        Assert.Equal("hotfix", read.Pipeline!.Stages[0].Actions[0].Configuration!["BranchName"]);
    }

    [Fact]
    public async Task Rule_is_created_then_unchanged_then_updated_with_exactly_one_target()
    {
        using var session = TestSessions.For(moto);
        var stack = UniqueStack();
        var driver = new RuleDriver(session.EventBridge);
        var spec = DesiredStack.From(stack).Rule;

        var (created, _) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
        Assert.Equal(ResourceAction.Created, created.Action);
        Assert.Equal($"arn:aws:events:us-east-1:{Account}:rule/{stack.RuleName}", created.Arn);

        var (again, _) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);
        Assert.True(again.Action == ResourceAction.Unchanged, $"false drift: {string.Join("; ", again.Changes)}");

        var changed = DesiredStack.From(stack with { Branch = "release" }).Rule;
        var (updated, _) = await Converger.ConvergeAsync(driver, changed, dryRun: false, CancellationToken.None);
        Assert.Equal(ResourceAction.Updated, updated.Action);
        Assert.Contains(updated.Changes, c => c.Contains("event pattern", StringComparison.Ordinal));

        var rule = await session.EventBridge.DescribeRuleAsync(stack.RuleName);
        Assert.True(EventPatternComparer.AreEquivalent(rule.EventPattern!, changed.EventPattern), rule.EventPattern);
        Assert.Equal("ENABLED", rule.State);
        Assert.Equal(changed.Description, rule.Description);
        var target = Assert.Single(await session.EventBridge.ListAllTargetsByRuleAsync(stack.RuleName));
        Assert.Equal((changed.Target.Id, changed.Target.Arn, changed.Target.RoleArn), (target.Id, target.Arn, target.RoleArn));
        var tags = await session.EventBridge.ListTagsForResourceAsync(created.Arn!);
        Assert.Contains(tags.Tags!, t => t.Key == StackDefaults.StackTagKey && t.Value == stack.StackName);

        var (settled, _) = await Converger.ConvergeAsync(driver, changed, dryRun: false, CancellationToken.None);
        Assert.True(settled.Action == ResourceAction.Unchanged, $"false drift after the update: {string.Join("; ", settled.Changes)}");
    }

    /// <summary>moto's CreatePipeline accepts the role only if it exists and trusts codepipeline.amazonaws.com.</summary>
    private static Task<IamRole> CreatePipelineRoleAsync(AwsSession session, StackSpec stack) =>
        session.Iam.CreateRoleAsync(new CreateRoleRequest(
            stack.PipelineRoleName,
            TrustPolicies.ForService(ServicePrincipals.CodePipeline, "123456789012").ToJson(),
            "pipeline role made by a test"));
}
