using Pipectl.Aws.Tests.Operations;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// ./pipectl.yaml is the default stack file: used when present and no -f is given. --name wins over it (the
/// file is not read, a note says so); --name next to -f is an error. init's "Next:" command uses the file.
/// </summary>
public sealed class DefaultStackFileTests
{
    private static readonly Dictionary<string, string?> NoCredentials = [];

    /// <summary>A folder with pipectl.yaml written by init, its approval (with a topic) switched on.</summary>
    private static async Task<(string Folder, CliRun Init)> InitAsync()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-default-").FullName;
        var init = await CliProcess.RunInAsync(folder, NoCredentials, "init", "--name", "shop");
        Assert.Equal(0, init.ExitCode);
        var file = Path.Combine(folder, "pipectl.yaml");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("# approval:\n#   enabled: true\n#   email: releases@example.com", "approval:\n  enabled: true\n  email: releases@example.com", StringComparison.Ordinal));
        return (folder, init);
    }

    [Fact]
    public async Task The_next_command_init_prints_plans_the_stack_of_the_file_it_wrote()
    {
        var (folder, init) = await InitAsync();
        var next = init.Stderr.Split('\n').Single(l => l.StartsWith("Next: ", StringComparison.Ordinal));
        var command = next[(next.IndexOf("then pipectl ", StringComparison.Ordinal) + "then pipectl ".Length)..next.IndexOf(" (", StringComparison.Ordinal)];

        var plan = await CliProcess.RunInAsync(folder, NoCredentials, [.. command.Split(' '), "--region", "us-east-1"]);

        Assert.Equal("bootstrap --dry-run", command);
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("Plan for stack shop in us-east-1", plan.Stdout);
        Assert.Contains("AWS::SNS::Topic", plan.Stdout);
        Assert.Contains("shop-approvals", plan.Stdout);
    }

    [Fact]
    public async Task Name_wins_over_the_default_file_and_says_it_did_not_read_it()
    {
        var (folder, _) = await InitAsync();

        var plan = await CliProcess.RunInAsync(folder, NoCredentials, "bootstrap", "--dry-run", "--name", "other", "--region", "us-east-1");

        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("Plan for stack other", plan.Stdout);
        Assert.DoesNotContain("AWS::SNS::Topic", plan.Stdout);
        Assert.Contains("pipectl: --name other given, so ./pipectl.yaml is not read", plan.Stderr);
    }

    [Fact]
    public async Task Name_next_to_an_explicit_file_is_bad_input()
    {
        var (folder, _) = await InitAsync();

        var run = await CliProcess.RunInAsync(folder, NoCredentials, "bootstrap", "--dry-run", "-f", "pipectl.yaml", "--name", "other", "--region", "us-east-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--name \"other\" conflicts with -f \"pipectl.yaml\"", run.Stderr);
    }

    [Fact]
    public async Task Status_uses_the_pipeline_of_the_default_file()
    {
        var (folder, _) = await InitAsync();
        using var server = OperateCliScript().Serve();

        var run = await CliProcess.RunInAsync(
            folder,
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" },
            "status", "--endpoint-url", server.Url, "--region", "us-east-1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var state = server.Requests.First(r => ScriptedCodePipeline.Operation(r) == "GetPipelineState");
        Assert.Contains("\"name\":\"shop-pipeline\"", state.BodyText);
    }

    [Fact]
    public async Task Without_a_file_or_a_name_the_error_says_both_ways()
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-empty-").FullName;

        var run = await CliProcess.RunInAsync(folder, NoCredentials, "bootstrap", "--dry-run", "--region", "us-east-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--name is required (or run it where a pipectl.yaml is, or pass -f FILE)", run.Stderr);
    }

    [Theory]
    [InlineData("bootstrap --dry-run --region us-east-1")]
    [InlineData("export")]
    [InlineData("status --region us-east-1")]
    public async Task Every_verb_selects_its_stack_by_the_same_rules(string verb)
    {
        var folder = Directory.CreateTempSubdirectory("pipectl-select-").FullName;

        var run = await CliProcess.RunInAsync(folder, NoCredentials, [.. verb.Split(' '), "--name", "shop", "--env", "prod", "--output", "json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("pipectl: --env \"prod\": environments come from a stack file: add -f pipectl.yaml.", run.Stderr.Trim());
        Assert.Contains("\"code\":\"BadInput\"", run.Stdout.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static ScriptedCodePipeline OperateCliScript() =>
        new ScriptedCodePipeline().On("GetPipelineState", PipelineReplies.StateSucceeded()).On("ListPipelineExecutions", PipelineReplies.Executions("Succeeded"));
}
