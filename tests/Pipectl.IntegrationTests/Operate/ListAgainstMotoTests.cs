using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Iam;
using Pipectl.Aws.Provisioning;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Policies;
using Pipectl.Core.Stacks;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// <c>pipectl list</c> against moto_server, which implements ListPipelines and ListTagsForResource: a stack's
/// tagged pipeline is listed, an untagged pipeline is not. The emulator runs no executions (the launcher
/// answers ListPipelineExecutions with an empty list), so the latest status is "none"; the wire tests cover real statuses.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ListAgainstMotoTests(MotoServer moto)
{
    [Fact]
    public async Task Lists_the_stack_whose_pipeline_is_tagged_and_not_an_untagged_pipeline()
    {
        using var session = TestSessions.For(moto);
        var stack = StackSpec.FromStackName($"ls{Guid.NewGuid():N}"[..14], "us-east-1", "123456789012");
        await session.Iam.CreateRoleAsync(new CreateRoleRequest(stack.PipelineRoleName, TrustPolicies.ForService(ServicePrincipals.CodePipeline, "123456789012").ToJson(), "pipeline role made by a test"));
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, (_, _) => Task.CompletedTask));
        var desired = DesiredStack.From(stack).Pipeline;
        await driver.CreateAsync(desired, CancellationToken.None);
        var read = await session.CodePipeline.GetPipelineAsync(stack.PipelineName);
        var untagged = $"{stack.StackName}-handmade";
        await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(read.Pipeline! with { Name = untagged, Version = null }));

        var run = await CliRun.RunAsync("list", "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var stacks = run.Json.GetProperty("stacks").EnumerateArray().ToList();
        var listed = Assert.Single(stacks, s => s.GetProperty("stack").GetString() == stack.StackName);
        Assert.Equal(stack.PipelineName, listed.GetProperty("pipeline").GetString());
        Assert.DoesNotContain(stacks, s => s.GetProperty("pipeline").GetString() == untagged);
        var latest = listed.GetProperty("latestStatus").GetString();
        Assert.Equal("none", latest);
        Assert.DoesNotContain("could not be read", run.Stderr, StringComparison.Ordinal);
    }
}
