namespace Pipectl.IntegrationTests.Cli;

/// <summary>A fresh machine: no credentials, no profile, no region.</summary>
public sealed class NoCredentialsTests
{
    private static readonly Dictionary<string, string?> Empty = [];

    [Fact]
    public async Task Bootstrap_dry_run_without_any_aws_prints_the_plan_for_an_empty_account()
    {
        var run = await CliProcess.RunAsync(Empty, "bootstrap", "--name", "demo", "--dry-run", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.True(json.GetProperty("dryRun").GetBoolean());
        Assert.Contains("no credentials", json.GetProperty("note").GetString());
        var resources = json.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(10, resources.Count);
        Assert.All(resources, r => Assert.Equal("would-create", r.GetProperty("action").GetString()));
        Assert.Equal(0, json.GetProperty("apiCalls").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bootstrap_dry_run_text_says_it_is_a_plan_without_credentials()
    {
        var run = await CliProcess.RunAsync(Empty, "bootstrap", "--name", "demo", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("would-create", run.Stdout);
        Assert.Contains("AWS::CodePipeline::Pipeline", run.Stdout);
        Assert.Contains("no credentials", run.Stdout);
    }

    [Fact]
    public async Task Bootstrap_without_credentials_exits_2_with_one_line_saying_how_to_provide_them()
    {
        var run = await CliProcess.RunAsync(Empty, "bootstrap", "--name", "demo", "--region", "us-east-1");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("AWS_ACCESS_KEY_ID", lines[0]);
        Assert.Contains("--profile", lines[0]);
    }
}
