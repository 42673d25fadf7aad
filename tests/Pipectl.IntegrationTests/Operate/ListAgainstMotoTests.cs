using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Iam;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Provisioning;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Policies;
using Pipectl.Core.Stacks;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// <c>pipectl list</c> against moto_server (GetResources knows pipelines through the launcher's patch_tagging): a stack's
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

/// <summary>
/// <c>list</c>'s requests in a region with 151 pipelines, 4 of them pipectl stacks': one GetResources page names the
/// 4 (with their tags), then one ListPipelineExecutions each. The old listing sent ListPipelines (2 pages of 100) and a
/// ListTagsForResource for each of the 151 pipelines before the 4 status reads.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ListRequestCountAgainstMotoTests(MotoServer moto)
{
    [Fact]
    public async Task Lists_four_stacks_among_151_pipelines_with_one_GetResources_page_and_one_status_read_each()
    {
        const string region = "ca-central-1";
        using var session = TestSessions.For(moto, region);
        var prefix = $"lc{Guid.NewGuid():N}"[..10];
        var stacks = Enumerable.Range(0, 4).Select(i => StackSpec.FromStackName($"{prefix}s{i}", region, "123456789012")).ToList();
        await session.Iam.CreateRoleAsync(new CreateRoleRequest($"{prefix}-role", TrustPolicies.ForService(ServicePrincipals.CodePipeline, "123456789012").ToJson(), "pipeline role made by a test"));
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, (_, _) => Task.CompletedTask));
        foreach (var stack in stacks)
        {
            await driver.CreateAsync(DesiredStack.From(stack with { PipelineRoleName = $"{prefix}-role", DeployRoleName = $"{prefix}-role" }).Pipeline, CancellationToken.None);
        }

        var template = (await session.CodePipeline.GetPipelineAsync(stacks[0].PipelineName)).Pipeline!;
        await Parallel.ForEachAsync(Enumerable.Range(0, 147), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(template with { Name = $"{prefix}-other-{i}", Version = null }), ct));
        Assert.Equal(151, (await session.CodePipeline.ListAllPipelinesAsync()).Count(p => p.Name!.StartsWith(prefix, StringComparison.Ordinal)));

        using var listing = TestSessions.For(moto, region);
        var found = await new StackPipelineCatalog(listing.CodePipeline, listing.Tagging).ListAsync(CancellationToken.None);

        Assert.Equal(stacks.Select(s => s.PipelineName), found.Where(s => s.Stack.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.Pipeline));
        var operations = listing.Counter.ByOperation();
        Assert.Equal(["GetResources", "ListPipelineExecutions"], operations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, operations["GetResources"]);

        // One status read per stack pipeline, answered the first time (the launcher answers ListPipelineExecutions), so no retry.
        var statusReads = operations["ListPipelineExecutions"];
        Assert.Equal(found.Count, statusReads);
        Assert.True(1 + statusReads <= 9, $"{1 + statusReads} requests (GetCallerIdentity makes the verb's one more, at most 10)");

        var run = await CliRun.RunAsync("list", "--endpoint-url", moto.Endpoint, "--region", region, "--output", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(stacks.Select(s => s.StackName), run.Json.GetProperty("stacks").EnumerateArray().Select(s => s.GetProperty("stack").GetString()).Where(s => s!.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
