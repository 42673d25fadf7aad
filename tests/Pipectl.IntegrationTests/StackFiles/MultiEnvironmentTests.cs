using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.StackFiles;

/// <summary>samples/multi-env/pipectl.yaml end to end: staging from develop, production from main behind an approval.</summary>
[Collection(MotoCollection.Name)]
public sealed class MultiEnvironmentTests(MotoServer moto)
{
    private static readonly string Sample = RepositoryRoot.Of("samples/multi-env/pipectl.yaml");

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--output", "json"]);

    private static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    [Fact]
    public async Task The_sample_creates_two_pipelines_converges_and_is_torn_down_with_the_file()
    {
        var first = await Pipectl("bootstrap", "-f", Sample);

        Assert.True(first.ExitCode == 0, first.Stderr);
        var created = Actions(first);
        Assert.All(created.Values, a => Assert.Equal("created", a));
        Assert.Equal(20, created.Count);
        Assert.Single(created.Keys, k => k.StartsWith("AWS::CodeCommit::Repository", StringComparison.Ordinal));
        using var session = TestSessions.For(moto);
        var staging = (await session.CodePipeline.GetPipelineAsync("shop-staging-pipeline")).Pipeline!;
        var production = (await session.CodePipeline.GetPipelineAsync("shop-production-pipeline")).Pipeline!;
        Assert.Equal("develop", staging.Stages[0].Actions[0].Configuration!["BranchName"]);
        Assert.Equal("main", production.Stages[0].Actions[0].Configuration!["BranchName"]);
        Assert.Equal(["Source", "Build", "Deploy"], staging.Stages.Select(s => s.Name));
        Assert.Equal(["Source", "Build", "Approval", "Deploy"], production.Stages.Select(s => s.Name));
        Assert.Equal("shop-staging-site-123456789012-us-east-1", staging.Stages[2].Actions[0].Configuration!["BucketName"]);
        Assert.Equal("shop-staging-artifacts-123456789012-us-east-1", staging.ArtifactStore!.Location);
        Assert.Equal("shop-production-artifacts-123456789012-us-east-1", production.ArtifactStore!.Location);
        Assert.Equal("shop-staging-build", staging.Stages[1].Actions[0].Configuration!["ProjectName"]);
        Assert.Equal("shop-production-build", production.Stages[1].Actions[0].Configuration!["ProjectName"]);
        var project = Assert.Single((await session.CodeBuild.BatchGetProjectsAsync(["shop-staging-build"])).Projects!);
        Assert.Contains(project.Environment!.EnvironmentVariables!, v => v.Name == "SITE_TITLE" && v.Value == "The Shop");
        Assert.EndsWith("role/shop-staging-codebuild-role", project.ServiceRole);
        await AssertNothingOfStagingNamesProductionsBucketAsync(session);

        var second = await Pipectl("bootstrap", "-f", Sample);
        Assert.All(Actions(second).Values, a => Assert.Equal("unchanged", a));
        Assert.Equal(0, second.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        var onlyStaging = await Pipectl("teardown", "-f", Sample, "--env", "staging", "--dry-run");
        var staged = Actions(onlyStaging);
        Assert.Equal("would-delete", staged["AWS::CodePipeline::Pipeline shop-staging-pipeline"]);
        Assert.False(staged.ContainsKey("AWS::CodeCommit::Repository shop"));
        Assert.False(staged.ContainsKey("AWS::CodePipeline::Pipeline shop-production-pipeline"));

        var teardown = await Pipectl("teardown", "-f", Sample, "--yes");
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal(20, Actions(teardown).Values.Count(a => a == "deleted"));
        await Assert.ThrowsAsync<Pipectl.Aws.Errors.AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync("shop-production-pipeline"));
        await Assert.ThrowsAsync<Pipectl.Aws.Errors.AwsResourceNotFoundException>(() => session.CodeCommit.GetRepositoryAsync("shop"));
    }

    /// <summary>Every policy of staging's roles and buckets names only staging's buckets, never production's.</summary>
    private static async Task AssertNothingOfStagingNamesProductionsBucketAsync(Pipectl.Aws.Session.AwsSession session)
    {
        var documents = new List<string>();
        foreach (var role in new[] { "shop-staging-codebuild-role", "shop-staging-codepipeline-role", "shop-staging-deploy-role", "shop-staging-events-role" })
        {
            documents.Add((await session.Iam.GetRolePolicyAsync(role, "pipectl-least-privilege")).PolicyJson);
        }

        Assert.Contains(documents, d => d.Contains("shop-staging-artifacts-123456789012-us-east-1", StringComparison.Ordinal));
        Assert.All(documents, d => Assert.DoesNotContain("shop-production-", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Name_and_file_together_conflict_and_nothing_is_sent()
    {
        using var trap = new RequestTrap();
        var run = await CliRun.RunAsync("bootstrap", "-f", Sample, "--name", "other", "--endpoint-url", trap.Endpoint);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("conflicts", run.Stderr);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task An_unknown_environment_is_bad_input()
    {
        using var trap = new RequestTrap();
        var run = await CliRun.RunAsync("bootstrap", "-f", Sample, "--env", "qa", "--endpoint-url", trap.Endpoint);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("qa", run.Stderr);
        Assert.Equal(0, trap.Connections);
    }
}
