using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// <c>status --watch</c> and <c>start --watch</c> end to end with scripted looks (running, running, settled)
/// and <c>--poll-interval 0</c>, so nothing sleeps: exit 0 on success, 1 on failure, one stderr line per
/// change (the captured console is not a terminal) and the final status on stdout.
/// </summary>
public sealed class WatchCliTests
{
    [Fact]
    public async Task Status_watch_ends_0_when_the_execution_succeeds()
    {
        using var server = Pipeline(
            [PipelineReplies.StateInProgress(), PipelineReplies.StatePendingApproval(), PipelineReplies.StateSucceeded()],
            [PipelineReplies.Executions("InProgress"), PipelineReplies.Executions("InProgress"), PipelineReplies.Executions("Succeeded")]).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--watch", "--poll-interval", "0");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(7, server.Requests.Count); // GetParameter of the record (approval e-mail), then the watch's reads
        var progress = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"execution {PipelineReplies.ExecutionId}: InProgress", progress[0]);
        Assert.Contains("Build/Build: InProgress", progress);
        Assert.Contains("Release/SignOff: InProgress  waiting for approval", progress);
        Assert.Contains("Release/SignOff: Succeeded  Looks good", progress);
        Assert.Equal($"execution {PipelineReplies.ExecutionId}: Succeeded", progress.Single(l => l.StartsWith("execution", StringComparison.Ordinal) && l.EndsWith("Succeeded", StringComparison.Ordinal)));
        Assert.Equal(1, progress.Count(l => l.StartsWith("Build/Build: Succeeded", StringComparison.Ordinal)));
        Assert.DoesNotContain("\u001b[", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"execution {PipelineReplies.ExecutionId} succeeded", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Deploy\s+Deploy\s+Succeeded", run.Stdout);
        Assert.DoesNotContain(PipelineReplies.ApprovalToken, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_watch_ends_1_when_the_execution_fails_with_the_error_in_the_json()
    {
        using var server = Pipeline(
            [PipelineReplies.StateInProgress(), PipelineReplies.StateFailed()],
            [PipelineReplies.Executions("InProgress"), PipelineReplies.Executions("Failed")]).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--watch", "--poll-interval", "0", "--output", "json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json;
        Assert.Equal("failed", json.GetProperty("watch").GetProperty("outcome").GetString());
        Assert.Equal("Failed", json.GetProperty("watch").GetProperty("executionStatus").GetString());
        Assert.Equal("JobFailed", json.GetProperty("stages")[1].GetProperty("actions")[0].GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Build/Build: Failed  JobFailed: Build terminated with state: FAILED", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"pipectl: execution {PipelineReplies.ExecutionId} of demo-pipeline ended Failed.\n", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stopped")]
    [InlineData("Superseded")]
    public async Task Status_watch_ends_1_when_the_execution_is_stopped_or_superseded(string final)
    {
        using var server = Pipeline(
            [PipelineReplies.StateInProgress()],
            [PipelineReplies.Executions("InProgress"), PipelineReplies.Executions(final, "a newer push")]).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--watch", "--poll-interval", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"execution {PipelineReplies.ExecutionId} ended {final}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_watch_of_an_already_succeeded_execution_ends_0_after_one_look()
    {
        using var server = Pipeline(PipelineReplies.StateSucceeded(), PipelineReplies.Executions("Succeeded")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--watch");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Status_watch_without_any_execution_ends_1_saying_there_is_nothing_to_watch()
    {
        using var server = Pipeline(PipelineReplies.StateNeverRan(), PipelineReplies.NoExecutions).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--watch", "--poll-interval", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pipectl: demo-pipeline has no execution to watch: start one with `pipectl start --name demo --region us-east-1`.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Start_prints_the_execution_id_alone_on_stdout()
    {
        var script = new ScriptedCodePipeline().On("StartPipelineExecution", $$"""{"pipelineExecutionId":"{{PipelineReplies.ExecutionId}}"}""");
        using var server = script.Serve();

        var run = await RunAsync(server, "start", "--name", "demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(PipelineReplies.ExecutionId + "\n", run.Stdout);
        ModelAssert.JsonRequestConforms("codepipeline", "StartPipelineExecution", server.LastRequest);
        Assert.Equal("""{"name":"demo-pipeline"}""", server.LastRequest.BodyText);
    }

    [Theory]
    [InlineData("Succeeded", 0)]
    [InlineData("Failed", 1)]
    public async Task Start_watch_follows_the_started_execution_not_yet_listed_at_first(string final, int exitCode)
    {
        var justStarted = """{"pipelineExecutionSummaries":[{"pipelineExecutionId":"a0b1c2d3-0000-4000-8000-000000000001","status":"Succeeded","startTime":1700000000}]}""";
        var script = Pipeline(
                [PipelineReplies.StateInProgress(), final == "Succeeded" ? PipelineReplies.StateSucceeded() : PipelineReplies.StateFailed()],
                [justStarted, PipelineReplies.Executions("InProgress"), PipelineReplies.Executions(final)])
            .On("StartPipelineExecution", $$"""{"pipelineExecutionId":"{{PipelineReplies.ExecutionId}}"}""");
        using var server = script.Serve();

        var run = await RunAsync(server, "start", "--name", "demo", "--watch", "--poll-interval", "0", "--output", "json");

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(["StartPipelineExecution", "GetPipelineState", "ListPipelineExecutions", "GetPipelineState", "ListPipelineExecutions", "GetPipelineState", "ListPipelineExecutions"], Operations(server));
        var json = run.Json;
        Assert.Equal("start", json.GetProperty("command").GetString());
        Assert.Equal(PipelineReplies.ExecutionId, json.GetProperty("executionId").GetString());
        Assert.Equal(PipelineReplies.ExecutionId, json.GetProperty("watch").GetProperty("executionId").GetString());
        Assert.Equal(final, json.GetProperty("watch").GetProperty("executionStatus").GetString());
    }

    [Fact]
    public async Task Ctrl_c_on_a_watch_exits_130_without_suggesting_a_teardown()
    {
        // The wait between looks is an hour: the watch is waiting when SIGINT arrives (after its first look).
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();
        using var child = Pipectl.IntegrationTests.Faults.CliChild.Start("status", "--name", "demo", "--watch", "--poll-interval", "1h", "--endpoint-url", server.Url, "--region", "us-east-1");
        using (var looked = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (server.Requests.Count < 2)
            {
                await Task.Delay(50, looked.Token);
            }
        }

        child.Interrupt();
        var run = await child.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(130, run.ExitCode);
        Assert.Equal("pipectl: cancelled.", run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.DoesNotContain("teardown", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_stops_at_the_global_timeout_with_exit_1()
    {
        // The wait between looks is an hour: only the --timeout deadline can end this watch. The assertions
        // hold wherever the deadline strikes (during a look or during the wait), so nothing here is timed.
        using var server = Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--watch", "--poll-interval", "1h", "--timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pipectl: timed out after 1 s (--timeout)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("succeeded", run.Stdout, StringComparison.Ordinal);

        // A watch changes nothing: an interrupted one suggests no re-run and no teardown (issue 28).
        Assert.DoesNotContain("teardown", run.Stderr, StringComparison.Ordinal);
    }
}
