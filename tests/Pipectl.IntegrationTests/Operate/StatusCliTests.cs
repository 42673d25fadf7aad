using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.IntegrationTests.Cli;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// <c>pipectl status</c> end to end (args in, stdout/stderr/exit code out) against a loopback CodePipeline
/// answering with the documented replies; moto implements neither GetPipelineState nor ListPipelineExecutions.
/// </summary>
public sealed class StatusCliTests
{
    [Fact]
    public async Task In_progress_prints_the_table_with_the_execution_and_its_source()
    {
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = run.Stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"execution  {PipelineReplies.ExecutionId}  InProgress  started 9m ago", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "source     317f8570  Update index.html");
        Assert.Contains(lines, l => l.StartsWith("STAGE", StringComparison.Ordinal) && l.Contains("DETAIL", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Build\s+Build\s+InProgress\s+4m ago$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Deploy\s+Deploy\s+-\s+-$"));
        Assert.DoesNotContain("approval   ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(["GetPipelineState", "ListPipelineExecutions", "GetParameter"], Operations(server));
        ModelAssert.JsonRequestConforms("codepipeline", "GetPipelineState", server.Requests[0]);
        Assert.Equal("""{"name":"demo-pipeline"}""", server.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_stack_file_and_an_environment_name_the_pipeline()
    {
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();
        var sample = Pipectl.IntegrationTests.Authoring.RepositoryRoot.Of("samples/multi-env/pipectl.yaml");

        var run = await RunAsync(server, "status", "-f", sample, "--env", "production");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("""{"name":"shop-production-pipeline"}""", server.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_stack_file_with_environments_needs_env()
    {
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();
        var sample = Pipectl.IntegrationTests.Authoring.RepositoryRoot.Of("samples/multi-env/pipectl.yaml");

        var run = await RunAsync(server, "status", "-f", sample);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--env", run.Stderr);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task In_progress_as_json_is_one_document_with_stages_actions_and_the_latest_execution()
    {
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("demo-pipeline", json.GetProperty("pipeline").GetString());
        var stages = json.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["Source", "Build", "Release", "Deploy"], stages.Select(s => s.GetProperty("name").GetString()));
        var source = stages[0].GetProperty("actions")[0];
        Assert.Equal("Succeeded", source.GetProperty("status").GetString());
        Assert.Equal(PipelineReplies.Commit, source.GetProperty("revision").GetString());
        Assert.Equal("Update index.html", source.GetProperty("summary").GetString());
        Assert.EndsWith("Z", source.GetProperty("lastChange").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, source.GetProperty("error").ValueKind);
        Assert.Equal("InProgress", stages[1].GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stages[3].GetProperty("status").ValueKind);
        var latest = json.GetProperty("latestExecution");
        Assert.Equal(PipelineReplies.ExecutionId, latest.GetProperty("id").GetString());
        Assert.Equal("InProgress", latest.GetProperty("status").GetString());
        Assert.Equal(PipelineReplies.Commit, latest.GetProperty("sourceRevision").GetString());
        Assert.NotNull(latest.GetProperty("startTime").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("pendingApproval").ValueKind);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Pending_approval_in_a_stage_not_named_Approval_is_shown_by_stage_and_action_never_by_token(string output)
    {
        using var server = Pipeline(PipelineReplies.StatePendingApproval(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(PipelineReplies.ApprovalToken, run.Stdout + run.Stderr, StringComparison.Ordinal);
        if (output == "json")
        {
            var approval = run.Json.GetProperty("pendingApproval");
            Assert.Equal("Release", approval.GetProperty("stage").GetString());
            Assert.Equal("SignOff", approval.GetProperty("action").GetString());
            Assert.False(approval.TryGetProperty("token", out _));
            var signOff = run.Json.GetProperty("stages")[2].GetProperty("actions")[0];
            Assert.True(signOff.GetProperty("waitingForApproval").GetBoolean());
        }
        else
        {
            Assert.Contains("approval   waiting at Release/SignOff: pipectl approve --name demo --region us-east-1  (or reject)", run.Stdout, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^Release\s+SignOff\s+InProgress\s+2m ago\s+waiting for approval$", run.Stdout);
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Failed_execution_shows_the_error_code_and_message(string output)
    {
        using var server = Pipeline(PipelineReplies.StateFailed(), PipelineReplies.Executions("Failed")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--output", output);

        Assert.Equal(0, run.ExitCode);
        if (output == "json")
        {
            var build = run.Json.GetProperty("stages")[1];
            Assert.Equal("Failed", build.GetProperty("status").GetString());
            var error = build.GetProperty("actions")[0].GetProperty("error");
            Assert.Equal("JobFailed", error.GetProperty("code").GetString());
            Assert.Equal("Build terminated with state: FAILED", error.GetProperty("message").GetString());
            Assert.Equal("Failed", run.Json.GetProperty("latestExecution").GetProperty("status").GetString());
        }
        else
        {
            Assert.Matches(@"(?m)^Build\s+Build\s+Failed\s+7m ago\s+JobFailed: Build terminated with state: FAILED$", run.Stdout);
            Assert.Contains($"execution  {PipelineReplies.ExecutionId}  Failed", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_pipeline_that_never_ran_says_so_and_has_a_null_latest_execution()
    {
        using var server = Pipeline(PipelineReplies.StateNeverRan(), PipelineReplies.NoExecutions).Serve();

        var text = await RunAsync(server, "status", "--name", "demo");
        var json = await RunAsync(server, "status", "--name", "demo", "--output", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("execution  none yet: the pipeline has not run (pipectl start --name demo --region us-east-1)", text.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Source\s+Source\s+-\s+-$", text.Stdout);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.Json.GetProperty("latestExecution").ValueKind);
        Assert.All(json.Json.GetProperty("stages").EnumerateArray(), s => Assert.Equal(System.Text.Json.JsonValueKind.Null, s.GetProperty("status").ValueKind));
    }

    [Fact]
    public async Task Pipeline_name_override_is_the_pipeline_asked_for()
    {
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--pipeline-name", "release-train");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"name":"release-train"}""", server.Requests[0].BodyText);
        Assert.Equal("""{"pipelineName":"release-train","maxResults":10}""", server.Requests[1].BodyText);
    }

    [Fact]
    public async Task A_missing_pipeline_is_one_line_that_says_what_to_do_and_exit_1()
    {
        var script = new ScriptedCodePipeline().On("GetPipelineState",
            WireReply.JsonError(400, "PipelineNotFoundException", "Account '123456789012' does not have a pipeline with name 'demo-pipeline'"));
        using var server = script.Serve();

        var run = await RunAsync(server, "status", "--name", "demo");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("pipectl: no pipeline \"demo-pipeline\" in us-east-1: create it with `pipectl bootstrap --name demo --region us-east-1`, or pass --pipeline-name"
            + $" (CodePipeline GetPipelineState on pipeline demo-pipeline: PipelineNotFoundException, HTTP 400, request id {WireReply.RequestId}).", line);
    }

    [Fact]
    public async Task The_hint_to_create_a_missing_pipeline_carries_the_stack_options_given()
    {
        // status takes every stack option (it reads only those that name the pipeline): the bootstrap it suggests makes
        // the stack the user described, as typed.
        var script = new ScriptedCodePipeline().On("GetPipelineState",
            WireReply.JsonError(400, "PipelineNotFoundException", "Account '123456789012' does not have a pipeline with name 'demo-pipeline'"));
        using var server = script.Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--source", "github:octo/site", "--site", "cloudfront");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("create it with `pipectl bootstrap --name demo --source github:octo/site --site cloudfront --region us-east-1`, or pass --pipeline-name", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_hint_names_the_region_given_so_the_command_works_as_typed()
    {
        using var never = Pipeline(PipelineReplies.StateNeverRan(), PipelineReplies.NoExecutions).Serve();
        using var waiting = Pipeline(PipelineReplies.StatePendingApproval(), PipelineReplies.Executions("InProgress")).Serve();

        var status = await CliRun.RunAsync("status", "--name", "demo", "--endpoint-url", never.Url, "--region", "eu-west-1");
        var watch = await CliRun.RunAsync("status", "--name", "demo", "--watch", "--poll-interval", "0", "--timeout", "60", "--endpoint-url", never.Url, "--region", "eu-west-1");
        var approval = await CliRun.RunAsync("status", "--name", "demo", "--endpoint-url", waiting.Url, "--region", "eu-west-1");

        Assert.Contains("execution  none yet: the pipeline has not run (pipectl start --name demo --region eu-west-1)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("start one with `pipectl start --name demo --region eu-west-1`.", watch.Stderr, StringComparison.Ordinal);
        Assert.Contains(": pipectl approve --name demo --region eu-west-1  (or reject)", approval.Stdout, StringComparison.Ordinal);
        ModelAssert.SignedFor(never.Requests[0], "codepipeline", "eu-west-1");
    }

    [Fact]
    public async Task A_stack_files_region_is_where_status_reads_and_the_hint_names_it()
    {
        // Without --region the stack file's region is the one read (as the stack verbs do), and a suggested command
        // carries it when it is not the default (here no default: the tests set no AWS_REGION).
        var folder = Directory.CreateTempSubdirectory("pipectl-region-").FullName;
        var file = Path.Combine(folder, "pipectl.yaml");
        await File.WriteAllTextAsync(file, "name: demo\nregion: ap-southeast-2\n");
        var script = new ScriptedCodePipeline().On("GetPipelineState",
            WireReply.JsonError(400, "PipelineNotFoundException", "Account '123456789012' does not have a pipeline with name 'demo-pipeline'"));
        using var server = script.Serve();

        var run = await CliRun.RunAsync("status", "-f", file, "--endpoint-url", server.Url, "--timeout", "60");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"no pipeline \"demo-pipeline\" in ap-southeast-2: create it with `pipectl bootstrap -f {file} --region ap-southeast-2`, or pass --pipeline-name", run.Stderr, StringComparison.Ordinal);
        ModelAssert.SignedFor(Assert.Single(server.Requests), "codepipeline", "ap-southeast-2");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_invalid_name_exits_2_before_anything_is_sent()
    {
        using var server = new ScriptedCodePipeline().Serve();

        var run = await RunAsync(server, "status", "--name", "no spaces");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a valid pipeline name", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
