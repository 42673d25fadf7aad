using System.Text.Json;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// The README's quick start, step by step, on the corrected emulator (moto_launcher.py answers CodeCommit's
/// GetBranch and CreateCommit, CodeBuild's UpdateProject and CodePipeline's GetPipelineState and
/// ListPipelineExecutions as AWS documents them), and a changed build project converging.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class QuickStartTests(MotoServer moto)
{
    private static string UniqueStack() => "qs" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    private static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    private static int Mutating(CliRun run) => run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32();

    [Fact]
    public async Task The_quick_start_with_a_seed_builds_the_stack_commits_the_sample_and_a_rerun_changes_nothing()
    {
        var stack = UniqueStack();
        var sample = RepositoryRoot.Of("samples/static-website");

        var plan = await Pipectl("bootstrap", "--name", stack, "--seed", sample, "--dry-run");
        Assert.True(plan.ExitCode == 0, plan.Stderr + plan.Stdout);
        Assert.Equal(0, Mutating(plan));

        var built = await Pipectl("bootstrap", "--name", stack, "--seed", sample);
        Assert.True(built.ExitCode == 0, built.Stderr + built.Stdout);
        Assert.All(Actions(built).Values, a => Assert.Equal("created", a));

        using var session = TestSessions.For(moto);
        var head = await session.CodeCommit.GetBranchAsync(stack, "main");
        Assert.Matches("^[0-9a-f]{40}$", head.Branch!.CommitId);

        var again = await Pipectl("bootstrap", "--name", stack);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.All(Actions(again).Values, a => Assert.Equal("unchanged", a));
        Assert.Equal(0, Mutating(again));

        // A seed on a branch that has commits never rewrites it.
        var reseeded = await Pipectl("bootstrap", "--name", stack, "--seed", sample);
        Assert.True(reseeded.ExitCode == 0, reseeded.Stderr);
        Assert.Equal(0, Mutating(reseeded));
        Assert.Equal(head.Branch.CommitId, (await session.CodeCommit.GetBranchAsync(stack, "main")).Branch!.CommitId);

        var status = await Pipectl("status", "--name", stack);
        Assert.True(status.ExitCode == 0, status.Stderr + status.Stdout);
        var stages = status.Json.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Source", "Build", "Deploy"], stages);
        Assert.Equal($"{stack}-pipeline", status.Json.GetProperty("pipeline").GetString());
    }

    [Fact]
    public async Task A_changed_compute_type_and_buildspec_update_the_build_project_and_a_second_rerun_sends_nothing()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack)).ExitCode);
        using var folder = new TempFolder();
        var buildspec = Path.Combine(folder.Path, "buildspec.yml");
        await File.WriteAllTextAsync(buildspec, "version: 0.2\nphases:\n  build:\n    commands:\n      - echo changed\nartifacts:\n  files:\n    - '**/*'\n");

        var changed = await Pipectl("bootstrap", "--name", stack, "--compute-type", "BUILD_GENERAL1_MEDIUM", "--buildspec", buildspec);
        Assert.True(changed.ExitCode == 0, changed.Stderr + changed.Stdout);
        Assert.Equal("updated", Actions(changed)[$"AWS::CodeBuild::Project {stack}-build"]);

        using var session = TestSessions.For(moto);
        var project = (await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-build"])).Projects!.Single();
        Assert.Equal("BUILD_GENERAL1_MEDIUM", project.Environment!.ComputeType);
        Assert.Contains("echo changed", project.Source!.Buildspec, StringComparison.Ordinal);

        var second = await Pipectl("bootstrap", "--name", stack, "--compute-type", "BUILD_GENERAL1_MEDIUM", "--buildspec", buildspec);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.All(Actions(second).Values, a => Assert.Equal("unchanged", a));
        Assert.Equal(0, Mutating(second));
    }
}
