using Pipectl.Aws.Tests.Operations;
using Pipectl.IntegrationTests.Cli;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>
/// <c>status</c> of a pipeline with a Test stage: the latest test build's report counts and failing test names, in
/// text and JSON, from BatchGetBuilds (reportArns), BatchGetReports and DescribeTestCases. Scripted loopback services.
/// </summary>
public sealed class TestResultsCliTests
{
    private const string BuildId = "demo-test:9c1d2e3f-1111-2222-3333-444455556666";
    private const string GroupArn = "arn:aws:codebuild:us-east-1:123456789012:report-group/demo-test-unit";
    private const string ReportArn = "arn:aws:codebuild:us-east-1:123456789012:report/demo-test-unit:9c1d2e3f-1111-2222-3333-444455556666";

    private static string Build(string status, bool withReport) =>
        $$"""{"builds":[{"id":"{{BuildId}}","projectName":"demo-test","buildStatus":"{{status}}","buildComplete":true{{(withReport ? $$""","reportArns":["{{ReportArn}}"]""" : "")}}}]}""";

    private static string Reports(int passed, int failed, int skipped) =>
        $$"""{"reports":[{"arn":"{{ReportArn}}","type":"TEST","name":"unit","reportGroupArn":"{{GroupArn}}","status":"{{(failed > 0 ? "FAILED" : "SUCCEEDED")}}","testSummary":{"total":{{passed + failed + skipped}},"statusCounts":{"SUCCEEDED":{{passed}},"FAILED":{{failed}},"SKIPPED":{{skipped}},"ERROR":0,"UNKNOWN":0},"durationInNanoSeconds":5000000} }]}""";

    private const string FailingCases = """{"testCases":[{"prefix":"test","name":"renderPage shows the greeting","status":"FAILED","message":"expected <h1>"},{"prefix":"test","name":"escapeHtml neutralises markup","status":"FAILED"}]}""";

    private static ScriptedCodePipeline Tested(string status, bool withReport, int passed, int failed, int skipped) =>
        Pipeline(PipelineReplies.StateTested(BuildId, status), PipelineReplies.Executions(status))
            .On("BatchGetBuilds", Build(status == "Failed" ? "FAILED" : "SUCCEEDED", withReport))
            .On("GetLogEvents", """{"events":[],"nextForwardToken":"f/1","nextBackwardToken":"b/1"}""")
            .On("BatchGetReports", Reports(passed, failed, skipped))
            .On("DescribeTestCases", FailingCases);

    [Fact]
    public async Task Status_shows_the_counts_and_the_failing_tests_of_the_latest_test_run()
    {
        using var server = Tested("Failed", withReport: true, passed: 3, failed: 2, skipped: 1).Serve();

        var run = await RunAsync(server, "status", "--name", "demo");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.Contains($"tests      demo-test-unit: 3 passed, 2 failed, 1 skipped (6 total, {BuildId})", lines);
        Assert.Contains("  failed   test renderPage shows the greeting", lines);
        Assert.Contains("  failed   test escapeHtml neutralises markup", lines);
        var describe = server.Requests.Single(r => ScriptedCodePipeline.Operation(r) == "DescribeTestCases");
        Assert.Contains("\"filter\":{\"status\":\"FAILED\"}", describe.BodyText);
        Assert.Contains($"\"reportArns\":[\"{ReportArn}\"]", server.Requests.Single(r => ScriptedCodePipeline.Operation(r) == "BatchGetReports").BodyText);
    }

    [Fact]
    public async Task Status_json_carries_the_test_results()
    {
        using var server = Tested("Failed", withReport: true, passed: 3, failed: 2, skipped: 1).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--output", "json");

        var tests = run.Json.GetProperty("tests");
        Assert.Equal(BuildId, tests.GetProperty("buildId").GetString());
        var report = tests.GetProperty("reports")[0];
        Assert.Equal(("demo-test-unit", 6, 3, 2, 1), (report.GetProperty("reportGroup").GetString(), report.GetProperty("total").GetInt32(), report.GetProperty("passed").GetInt32(), report.GetProperty("failed").GetInt32(), report.GetProperty("skipped").GetInt32()));
        Assert.Equal(["test renderPage shows the greeting", "test escapeHtml neutralises markup"], report.GetProperty("failingTests").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_passing_run_reads_no_test_cases_and_a_run_without_a_report_says_so()
    {
        using var passing = Tested("Succeeded", withReport: true, passed: 5, failed: 0, skipped: 0).Serve();
        var green = await RunAsync(passing, "status", "--name", "demo");
        Assert.Contains($"tests      demo-test-unit: 5 passed, 0 failed, 0 skipped (5 total, {BuildId})", green.Stdout.Split('\n'));
        Assert.DoesNotContain("DescribeTestCases", Operations(passing));

        using var bare = Tested("Succeeded", withReport: false, passed: 0, failed: 0, skipped: 0).Serve();
        var none = await RunAsync(bare, "status", "--name", "demo", "--output", "json");
        Assert.Empty(none.Json.GetProperty("tests").GetProperty("reports").EnumerateArray());
        Assert.DoesNotContain("BatchGetReports", Operations(bare));
        var text = await RunAsync(bare, "status", "--name", "demo");
        Assert.Contains("no test report", text.Stdout);
    }

    [Fact]
    public async Task Start_watch_ends_with_the_test_results_of_the_execution_it_followed()
    {
        var script = Pipeline(
                [PipelineReplies.StateInProgress(), PipelineReplies.StateTested(BuildId, "Failed")],
                [PipelineReplies.Executions("InProgress"), PipelineReplies.Executions("Failed")])
            .On("StartPipelineExecution", $$"""{"pipelineExecutionId":"{{PipelineReplies.ExecutionId}}"}""")
            .On("BatchGetBuilds", Build("FAILED", withReport: true))
            .On("GetLogEvents", """{"events":[],"nextForwardToken":"f/1","nextBackwardToken":"b/1"}""")
            .On("BatchGetReports", Reports(3, 2, 0))
            .On("DescribeTestCases", FailingCases);
        using var server = script.Serve();

        var run = await RunAsync(server, "start", "--name", "demo", "--watch", "--poll-interval", "0", "--output", "json");

        Assert.Equal(1, run.ExitCode);
        var report = run.Json.GetProperty("tests").GetProperty("reports")[0];
        Assert.Equal((3, 2), (report.GetProperty("passed").GetInt32(), report.GetProperty("failed").GetInt32()));
        Assert.Equal("test renderPage shows the greeting", report.GetProperty("failingTests")[0].GetString());
    }

    [Fact]
    public async Task A_pipeline_without_a_test_stage_shows_no_tests_and_reads_no_reports()
    {
        using var server = Pipeline(PipelineReplies.StateSucceeded(), PipelineReplies.Executions("Succeeded")).Serve();

        var run = await RunAsync(server, "status", "--name", "demo", "--output", "json");

        Assert.False(run.Json.TryGetProperty("tests", out _));
        Assert.DoesNotContain("BatchGetReports", Operations(server));
        Assert.DoesNotContain("BatchGetBuilds", Operations(server));
    }
}
