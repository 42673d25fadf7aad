using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.IntegrationTests.Cli;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// Following a failure to its cause: <c>logs</c> prints the build's CloudWatch Logs, <c>status</c> and
/// <c>start --watch</c> show a failed build's id, console link and last lines. Scripted loopback services.
/// </summary>
public sealed class BuildLogCliTests
{
    private const string BuildId = "demo-build:0b7bd3e8-1111-2222-3333-444455556666";
    private const string Group = "/aws/codebuild/demo-build";
    private const string Stream = "0b7bd3e8-1111-2222-3333-444455556666";

    private static string Build(string status, bool complete) => $$"""
        {"builds":[{"id":"{{BuildId}}","projectName":"demo-build","buildStatus":"{{status}}","buildComplete":{{(complete ? "true" : "false")}},
          "phases":[{"phaseType":"BUILD","phaseStatus":"{{(status == "FAILED" ? "FAILED" : "SUCCEEDED")}}","contexts":[{"statusCode":"COMMAND_EXECUTION_ERROR","message":"Error while executing command: npm test. Reason: exit status 1"}]}],
          "logs":{"groupName":"{{Group}}","streamName":"{{Stream}}"} }]}
        """;

    private static string Events(string token, params string[] lines) =>
        $$"""{"events":[{{string.Join(",", lines.Select((l, i) => $$"""{"timestamp":{{1700000000000 + i}},"message":"{{l}}\n"}"""))}}],"nextForwardToken":"{{token}}","nextBackwardToken":"b/0"}""";

    [Fact]
    public async Task Logs_prints_the_latest_build_log_and_names_the_build_and_its_console_link()
    {
        var script = new ScriptedCodePipeline()
            .On("GetPipelineState", PipelineReplies.StateBuildFailed(BuildId))
            .On("BatchGetBuilds", Build("FAILED", complete: true))
            .On("GetLogEvents", Events("f/2", "[Container] Entering phase BUILD", "npm test"), Events("f/2"));
        using var server = script.Serve();

        var run = await RunAsync(server, "logs", "--name", "demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["[Container] Entering phase BUILD", "npm test"], run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"build {BuildId} (FAILED): https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/demo-build/build/demo-build%3A0b7bd3e8-1111-2222-3333-444455556666/log?region=us-east-1", run.Stderr);
        Assert.Equal(["GetPipelineState", "BatchGetBuilds", "GetLogEvents", "GetLogEvents"], Operations(server));
        var second = server.Requests.Where(r => ScriptedCodePipeline.Operation(r) == "GetLogEvents").Last();
        Assert.Contains("\"nextToken\":\"f/2\"", second.BodyText);
        Assert.Contains($"\"logGroupName\":\"{Group}\"", second.BodyText);
    }

    [Fact]
    public async Task Logs_of_one_execution_finds_its_build_through_the_action_executions()
    {
        var script = new ScriptedCodePipeline()
            .On("ListActionExecutions", $$"""
                {"actionExecutionDetails":[
                  {"pipelineExecutionId":"e-1","stageName":"Source","actionName":"Source","status":"Succeeded","input":{"actionTypeId":{"category":"Source","owner":"AWS","provider":"CodeCommit","version":"1"} },"output":{"executionResult":{"externalExecutionId":"317f8570"} } },
                  {"pipelineExecutionId":"e-1","stageName":"Build","actionName":"Build","status":"Failed","input":{"actionTypeId":{"category":"Build","owner":"AWS","provider":"CodeBuild","version":"1"} },"output":{"executionResult":{"externalExecutionId":"{{BuildId}}"} } }]}
                """)
            .On("BatchGetBuilds", Build("FAILED", complete: true))
            .On("GetLogEvents", Events("f/1", "only line"), Events("f/1"));
        using var server = script.Serve();

        var run = await RunAsync(server, "logs", "--name", "demo", "--execution", "e-1", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(BuildId, run.Json.GetProperty("build").GetProperty("id").GetString());
        Assert.Equal("only line", run.Json.GetProperty("events")[0].GetProperty("message").GetString());
        Assert.Equal("2023-11-14T22:13:20.000Z", run.Json.GetProperty("events")[0].GetProperty("timestamp").GetString());
        var list = server.Requests.First(r => ScriptedCodePipeline.Operation(r) == "ListActionExecutions");
        Assert.Contains("\"pipelineExecutionId\":\"e-1\"", list.BodyText);
    }

    [Fact]
    public async Task Logs_follow_reads_on_until_the_build_completes_and_exits_with_its_result()
    {
        var script = new ScriptedCodePipeline()
            .On("GetPipelineState", PipelineReplies.StateBuildFailed(BuildId))
            .On("BatchGetBuilds", Build("IN_PROGRESS", complete: false), Build("IN_PROGRESS", complete: false), Build("FAILED", complete: true))
            .On("GetLogEvents", Events("f/1", "first"), Events("f/1"), Events("f/2", "second"), Events("f/2"), Events("f/3", "last"), Events("f/3"));
        using var server = script.Serve();

        var run = await RunAsync(server, "logs", "--name", "demo", "--follow", "--poll-interval", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["first", "second", "last"], run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Logs_without_a_build_says_how_to_start_one()
    {
        using var server = Pipeline(PipelineReplies.StateNeverRan(), PipelineReplies.Executions("Succeeded")).Serve();

        var run = await RunAsync(server, "logs", "--name", "demo");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("pipectl: demo-pipeline has not run a build yet: start one with `pipectl start --name demo --region us-east-1`", run.Stderr.Trim());
    }

    [Fact]
    public async Task Status_of_a_failed_build_shows_the_build_id_the_log_link_and_its_last_lines()
    {
        var script = Pipeline(PipelineReplies.StateBuildFailed(BuildId), PipelineReplies.Executions("Failed"))
            .On("BatchGetBuilds", Build("FAILED", complete: true))
            .On("GetLogEvents", Events("f/9", "npm ERR! Test failed.", "[Container] Phase complete: BUILD State: FAILED"));
        using var server = script.Serve();

        var run = await RunAsync(server, "status", "--name", "demo");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.Contains($"build      {BuildId}  FAILED  BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1", lines);
        Assert.Contains(lines, l => l.StartsWith("log        https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/demo-build/build/", StringComparison.Ordinal));
        Assert.Equal(["  npm ERR! Test failed.", "  [Container] Phase complete: BUILD State: FAILED"], lines.SkipWhile(l => !l.StartsWith("last 2 lines", StringComparison.Ordinal)).Skip(1).Where(l => l.Length > 0));
        var tail = server.Requests.Single(r => ScriptedCodePipeline.Operation(r) == "GetLogEvents");
        Assert.Contains("\"startFromHead\":false", tail.BodyText);
        Assert.Contains("\"limit\":15", tail.BodyText);
    }

    [Fact]
    public async Task Status_json_of_a_failed_build_carries_it()
    {
        var script = Pipeline(PipelineReplies.StateBuildFailed(BuildId), PipelineReplies.Executions("Failed"))
            .On("BatchGetBuilds", Build("FAILED", complete: true))
            .On("GetLogEvents", Events("f/9", "npm ERR! Test failed."));
        using var server = script.Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--output", "json");

        var build = run.Json.GetProperty("failedBuild");
        Assert.Equal(BuildId, build.GetProperty("id").GetString());
        Assert.Equal(Group, build.GetProperty("logGroup").GetString());
        Assert.Equal("npm ERR! Test failed.", build.GetProperty("lastLines")[0].GetString());
    }

    [Fact]
    public async Task Status_json_writes_every_time_as_iso_8601_utc_with_milliseconds()
    {
        using var server = Pipeline(PipelineReplies.StateBuildFailed(BuildId), PipelineReplies.Executions("Failed"))
            .On("BatchGetBuilds", Build("FAILED", complete: true))
            .On("GetLogEvents", Events("f/9", "npm ERR! Test failed."))
            .Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--output", "json");

        var latest = run.Json.GetProperty("latestExecution");
        var times = new List<string?> { latest.GetProperty("startTime").GetString(), latest.GetProperty("lastUpdateTime").GetString() };
        times.AddRange(run.Json.GetProperty("stages").EnumerateArray()
            .SelectMany(s => s.GetProperty("actions").EnumerateArray())
            .Select(a => a.GetProperty("lastChange").GetString())
            .Where(t => t is not null));
        Assert.True(times.Count >= 3, string.Join(", ", times));
        Assert.All(times, t => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", t));
    }

    [Fact]
    public async Task Status_still_shows_the_build_when_its_log_may_not_be_read()
    {
        var script = Pipeline(PipelineReplies.StateBuildFailed(BuildId), PipelineReplies.Executions("Failed"))
            .On("BatchGetBuilds", Build("FAILED", complete: true))
            .On("GetLogEvents", WireReply.JsonError(400, "AccessDeniedException", "not authorized to perform: logs:GetLogEvents"));
        using var server = script.Serve();

        var run = await RunAsync(server, "status", "--name", "demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"build      {BuildId}", run.Stdout);
        Assert.Contains("(log not shown: CloudWatch Logs GetLogEvents on log group /aws/codebuild/demo-build failed: AccessDeniedException", run.Stdout);
        Assert.Contains("Hint: allow logs:GetLogEvents for the caller", run.Stdout);
    }

    [Fact]
    public async Task Start_watch_shows_the_failed_build_when_the_execution_fails()
    {
        var script = Pipeline(
                [PipelineReplies.StateInProgress(), PipelineReplies.StateBuildFailed(BuildId)],
                [PipelineReplies.Executions("InProgress"), PipelineReplies.Executions("Failed")])
            .On("StartPipelineExecution", $$"""{"pipelineExecutionId":"{{PipelineReplies.ExecutionId}}"}""")
            .On("BatchGetBuilds", Build("FAILED", complete: true))
            .On("GetLogEvents", Events("f/9", "npm ERR! Test failed."));
        using var server = script.Serve();

        var run = await RunAsync(server, "start", "--name", "demo", "--watch", "--poll-interval", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"build      {BuildId}  FAILED", run.Stdout);
        Assert.Contains("  npm ERR! Test failed.", run.Stdout);
        Assert.Contains("pipectl logs --name demo --region us-east-1", run.Stdout);
    }
}
