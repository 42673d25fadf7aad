using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Tests.Orchestration;

public sealed class PlannedWritesTests
{
    private const string Account = "123456789012";

    private static async Task<IReadOnlyList<ResourceOutcome>> PlanAsync(Func<Pipectl.Core.Stacks.StackSpec, Pipectl.Core.Stacks.StackSpec>? change = null)
    {
        var stack = DesiredStack.From((change ?? (s => s))(TestStacks.Demo()));
        var result = await new StackOrchestrator(new EmptyAccountDrivers(), SilentProgress.Instance).ApplyAsync(stack, StackParts.All, new ApplyOptions { DryRun = true }, CancellationToken.None);
        return result.Resources;
    }

    [Fact]
    public async Task A_fresh_default_stack_lists_each_create_on_its_exact_ARN_and_the_roles_it_passes()
    {
        var writes = PlannedWrites.Of(await PlanAsync(), "us-east-1", Account);

        var artifacts = $"arn:aws:s3:::demo-artifacts-{Account}-us-east-1";
        var site = $"arn:aws:s3:::demo-site-{Account}-us-east-1";
        Assert.Contains(new PlannedWrite("codecommit:CreateRepository", $"arn:aws:codecommit:us-east-1:{Account}:demo"), writes);
        Assert.Contains(new PlannedWrite("codepipeline:CreatePipeline", $"arn:aws:codepipeline:us-east-1:{Account}:demo-pipeline"), writes);
        Assert.Contains(new PlannedWrite("iam:PassRole", $"arn:aws:iam::{Account}:role/demo-codepipeline-role"), writes);
        Assert.Contains(new PlannedWrite("iam:PassRole", $"arn:aws:iam::{Account}:role/demo-codebuild-role"), writes);
        Assert.Contains(new PlannedWrite("iam:PassRole", $"arn:aws:iam::{Account}:role/demo-events-role"), writes);
        Assert.Contains(new PlannedWrite("codebuild:CreateProject", $"arn:aws:codebuild:us-east-1:{Account}:project/demo-build"), writes);
        Assert.Contains(new PlannedWrite("events:PutTargets", $"arn:aws:events:us-east-1:{Account}:rule/demo-trigger"), writes);
        Assert.Contains(new PlannedWrite("s3:PutBucketVersioning", artifacts), writes);
        Assert.DoesNotContain(new PlannedWrite("s3:PutBucketVersioning", site), writes);
        Assert.Contains(new PlannedWrite("s3:PutBucketWebsite", site), writes);
        Assert.DoesNotContain(new PlannedWrite("s3:PutBucketWebsite", artifacts), writes);
        Assert.Equal(4, writes.Count(w => w.Action == "iam:CreateRole"));
        Assert.Equal(writes.Count, writes.Distinct().Count());
        Assert.All(writes, w => Assert.DoesNotContain("<account>", w.Resource, StringComparison.Ordinal));
    }

    [Fact]
    public void Unchanged_and_tag_only_updates_write_nothing_to_check_and_a_settings_update_lists_its_update()
    {
        var pipelineArn = $"arn:aws:codepipeline:us-east-1:{Account}:demo-pipeline";
        IReadOnlyList<ResourceOutcome> plan =
        [
            new(ResourceTypes.Repository, "demo", "arn:repo", ResourceAction.Unchanged),
            new ResourceOutcome(ResourceTypes.BuildProject, "demo-build", "arn:project", ResourceAction.WouldUpdate).WithChange("tags: added team"),
            new ResourceOutcome(ResourceTypes.Pipeline, "demo-pipeline", pipelineArn, ResourceAction.WouldUpdate).WithChange("stages: Deploy added"),
            new ResourceOutcome(ResourceTypes.Role, "demo-codebuild-role", "arn:role", ResourceAction.WouldUpdate).WithChange("inline policy pipectl-least-privilege: statement added"),
        ];

        var writes = PlannedWrites.Of(plan, "us-east-1", Account);

        Assert.Equal([new PlannedWrite("codepipeline:UpdatePipeline", pipelineArn), new PlannedWrite("iam:PutRolePolicy", "arn:role")], writes);
        Assert.True(PlannedWrites.HasWrites(plan));
        Assert.False(PlannedWrites.HasWrites([plan[0]]));
    }
}
