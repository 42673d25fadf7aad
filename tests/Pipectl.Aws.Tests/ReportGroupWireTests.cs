using System.Text.Json;
using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Tests;

/// <summary>
/// The report-group and report calls on pipectl's CodeBuild client, checked against botocore's codebuild model;
/// the report group driver (create, lost reply, ownership, type change, teardown) and the test results reader.
/// </summary>
public sealed class ReportGroupWireTests
{
    private const string Prefix = "CodeBuild_20161006.";
    private const string GroupArn = "arn:aws:codebuild:eu-west-2:123456789012:report-group/demo-test-unit";
    private const string ReportArn = "arn:aws:codebuild:eu-west-2:123456789012:report/demo-test-unit:6d3e2f0a-1b2c-4d5e-8f90-123456789abc";
    private const string BuildId = "demo-test:6d3e2f0a-1b2c-4d5e-8f90-123456789abc";
    private const string OwnTags = """[{"key":"pipectl:stack","value":"demo"},{"key":"pipectl:region","value":"eu-west-2"}]""";

    private static readonly Dictionary<string, string> StackTags = new() { ["pipectl:stack"] = "demo", ["pipectl:region"] = "eu-west-2" };

    private static readonly ReportGroupSpec Spec = new("demo-test-unit", GroupArn, "TEST", StackTags);

    // Shaped like the ReportGroup of the CodeBuild API reference.
    private static string GroupJson(string type = "TEST", string tags = OwnTags, string status = "ACTIVE") =>
        $$"""{"arn":"{{GroupArn}}","name":"demo-test-unit","type":"{{type}}","exportConfig":{"exportConfigType":"NO_EXPORT"},"created":1700000000.5,"lastModified":1700000000.5,"tags":{{tags}},"status":"{{status}}"}""";

    private static IEnumerable<RecordedRequest> Calls(WireServer server, string operation) => server.Requests.Where(r => r.Target == Prefix + operation);

    [Fact]
    public async Task CreateReportGroup_sends_name_type_no_export_and_tags_and_reads_the_group()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"reportGroup":{{GroupJson()}}}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodeBuild.CreateReportGroupAsync(new CreateReportGroupRequest("demo-test-unit", "TEST", new ReportExportConfig("NO_EXPORT"), [new CodeBuildTag("pipectl:stack", "demo")]));

        Assert.Equal((GroupArn, "TEST", "NO_EXPORT"), (reply.ReportGroup!.Arn, reply.ReportGroup.Type, reply.ReportGroup.ExportConfig!.ExportConfigType));
        ModelAssert.JsonRequestConforms("codebuild", "CreateReportGroup", server.LastRequest);
        ModelAssert.SignedFor(server.LastRequest, "codebuild", "eu-west-2");
        Assert.Equal("""{"name":"demo-test-unit","type":"TEST","exportConfig":{"exportConfigType":"NO_EXPORT"},"tags":[{"key":"pipectl:stack","value":"demo"}]}""", server.LastRequest.BodyText);
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task BatchGetReportGroups_reads_by_arn_and_names_the_missing()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"reportGroups":[{{GroupJson()}}],"reportGroupsNotFound":["{{GroupArn}}-gone"]}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodeBuild.BatchGetReportGroupsAsync([GroupArn, GroupArn + "-gone"]);

        Assert.Equal("demo-test-unit", reply.ReportGroups!.Single().Name);
        Assert.Equal([GroupArn + "-gone"], reply.ReportGroupsNotFound!);
        ModelAssert.JsonRequestConforms("codebuild", "BatchGetReportGroups", server.LastRequest);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task UpdateReportGroup_and_DeleteReportGroup_conform()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"reportGroup":{{GroupJson()}}}"""), WireReply.Json("{}"));
        using var session = WireSession.For(server);

        await session.CodeBuild.UpdateReportGroupAsync(new UpdateReportGroupRequest(GroupArn, new ReportExportConfig("NO_EXPORT"), [new CodeBuildTag("team", "web")]));
        await session.CodeBuild.DeleteReportGroupAsync(GroupArn, deleteReports: true);

        var (update, delete) = (server.Requests[0], server.Requests[1]);
        ModelAssert.JsonRequestConforms("codebuild", "UpdateReportGroup", update);
        ModelAssert.JsonRequestConforms("codebuild", "DeleteReportGroup", delete);
        Assert.Equal($$"""{"arn":"{{GroupArn}}","deleteReports":true}""", delete.BodyText);
        Assert.Equal(2, session.Counter.Mutating);
    }

    [Fact]
    public async Task BatchGetReports_and_DescribeTestCases_conform_and_read_counts_and_cases()
    {
        using var server = new WireServer().Reply(
            WireReply.Json($$"""{"reports":[{"arn":"{{ReportArn}}","type":"TEST","name":"unit","reportGroupArn":"{{GroupArn}}","executionId":"arn:aws:codebuild:eu-west-2:123456789012:build/{{BuildId}}","status":"FAILED","created":1700000100,"testSummary":{"total":7,"statusCounts":{"SUCCEEDED":4,"FAILED":2,"SKIPPED":1,"ERROR":0,"UNKNOWN":0},"durationInNanoSeconds":120000000} }],"reportsNotFound":[]}"""),
            WireReply.Json($$"""{"testCases":[{"reportArn":"{{ReportArn}}","prefix":"page","name":"renders the title","status":"FAILED","durationInNanoSeconds":1000,"message":"expected 1"}],"nextToken":"n2"}"""));
        using var session = WireSession.For(server);

        var reports = await session.CodeBuild.BatchGetReportsAsync([ReportArn]);
        var cases = await session.CodeBuild.DescribeTestCasesAsync(new DescribeTestCasesRequest(ReportArn, new TestCaseFilter("FAILED"), MaxResults: 20));

        var summary = reports.Reports!.Single().TestSummary!;
        Assert.Equal((7, 4, 2, 1), (summary.Total, summary.StatusCounts!["SUCCEEDED"], summary.StatusCounts["FAILED"], summary.StatusCounts["SKIPPED"]));
        Assert.Equal(("page", "renders the title", "n2"), (cases.TestCases!.Single().Prefix, cases.TestCases![0].Name, cases.NextToken));
        ModelAssert.JsonRequestConforms("codebuild", "BatchGetReports", server.Requests[0]);
        ModelAssert.JsonRequestConforms("codebuild", "DescribeTestCases", server.Requests[1]);
        Assert.Equal($$"""{"reportArn":"{{ReportArn}}","filter":{"status":"FAILED"},"maxResults":20}""", server.Requests[1].BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    // ---- driver ----

    [Fact]
    public async Task The_driver_creates_a_missing_group_and_then_reads_it_as_converged()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target == Prefix + "CreateReportGroup"
                ? WireReply.Json($$"""{"reportGroup":{{GroupJson()}}}""")
                : WireReply.Json($$"""{"reportGroups":[],"reportGroupsNotFound":["{{GroupArn}}"]}"""),
        };
        using var session = WireSession.For(server);
        var driver = new ReportGroupDriver(session.CodeBuild);

        Assert.Null(await driver.ReadAsync(Spec, CancellationToken.None));
        var created = await driver.CreateAsync(Spec, CancellationToken.None);

        Assert.Empty(Spec.DifferencesFrom(created));
        using var body = JsonDocument.Parse(Calls(server, "CreateReportGroup").Single().BodyText);
        Assert.Equal(["pipectl:stack=demo", "pipectl:region=eu-west-2"], body.RootElement.GetProperty("tags").EnumerateArray().Select(t => $"{t.GetProperty("key").GetString()}={t.GetProperty("value").GetString()}"));
        Assert.Equal($$"""{"reportGroupArns":["{{GroupArn}}"]}""", Calls(server, "BatchGetReportGroups").Single().BodyText);
    }

    [Fact]
    public async Task A_lost_create_reply_is_read_back_and_a_group_someone_else_made_is_refused()
    {
        using var ours = new WireServer
        {
            Responder = r => r.Target == Prefix + "CreateReportGroup"
                ? WireReply.JsonError(400, "ResourceAlreadyExistsException", "Report group already exists")
                : WireReply.Json($$"""{"reportGroups":[{{GroupJson()}}]}"""),
        };
        using var session = WireSession.For(ours);
        var state = await new ReportGroupDriver(session.CodeBuild).CreateAsync(Spec, CancellationToken.None);
        Assert.Equal(GroupArn, state.Arn);
        Assert.Empty(Calls(ours, "UpdateReportGroup"));

        using var theirs = new WireServer
        {
            Responder = r => r.Target == Prefix + "CreateReportGroup"
                ? WireReply.JsonError(400, "ResourceAlreadyExistsException", "Report group already exists")
                : WireReply.Json($$"""{"reportGroups":[{{GroupJson(tags: "[]")}}]}"""),
        };
        using var other = WireSession.For(theirs);
        var refused = await Assert.ThrowsAsync<ProvisioningException>(() => new ReportGroupDriver(other.CodeBuild).CreateAsync(Spec, CancellationToken.None));
        Assert.Contains("not created by pipectl", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Calls(theirs, "UpdateReportGroup"));
    }

    [Fact]
    public async Task An_update_merges_tags_and_a_group_of_another_type_stops_the_run_without_a_write()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"reportGroup":{{GroupJson()}}}"""));
        using var session = WireSession.For(server);
        var driver = new ReportGroupDriver(session.CodeBuild);
        var actual = new ReportGroupState("demo-test-unit", GroupArn, "TEST", "S3", new Dictionary<string, string> { ["team"] = "web" });

        await driver.UpdateAsync(Spec, actual, Spec.DifferencesFrom(actual), CancellationToken.None);
        using var body = JsonDocument.Parse(server.LastRequest.BodyText);
        Assert.Equal(["team", "pipectl:stack", "pipectl:region"], body.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal("NO_EXPORT", body.RootElement.GetProperty("exportConfig").GetProperty("exportConfigType").GetString());

        var coverage = actual with { Type = "CODE_COVERAGE" };
        var e = await Assert.ThrowsAsync<ProvisioningException>(() => driver.UpdateAsync(Spec, coverage, Spec.DifferencesFrom(coverage), CancellationToken.None));
        Assert.False(e.RerunHelps);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Teardown_deletes_the_group_with_its_reports_and_a_deleting_group_reads_as_gone()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target == Prefix + "DeleteReportGroup" ? WireReply.Json("{}") : WireReply.Json($$"""{"reportGroups":[{{GroupJson(status: "DELETING")}}]}"""),
        };
        using var session = WireSession.For(server);
        var driver = new ReportGroupDriver(session.CodeBuild);

        await driver.DeleteAsync(new ReportGroupState("demo-test-unit", GroupArn, "TEST", "NO_EXPORT", StackTags), CancellationToken.None);
        var read = await driver.ReadAsync(Spec, CancellationToken.None);

        Assert.True(JsonDocument.Parse(Calls(server, "DeleteReportGroup").Single().BodyText).RootElement.GetProperty("deleteReports").GetBoolean());
        Assert.Null(read);
    }

    // ---- test results ----

    [Fact]
    public async Task The_results_reader_counts_each_report_and_names_failing_tests_only_when_there_are_some()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target switch
            {
                Prefix + "BatchGetBuilds" => WireReply.Json($$"""{"builds":[{"id":"{{BuildId}}","buildStatus":"FAILED","reportArns":["{{ReportArn}}","{{ReportArn}}-coverage"]}]}"""),
                Prefix + "BatchGetReports" => WireReply.Json($$"""{"reports":[{"arn":"{{ReportArn}}","type":"TEST","reportGroupArn":"{{GroupArn}}","status":"FAILED","testSummary":{"total":5,"statusCounts":{"SUCCEEDED":2,"FAILED":1,"ERROR":1,"SKIPPED":1},"durationInNanoSeconds":1} },{"arn":"{{ReportArn}}-coverage","type":"CODE_COVERAGE","reportGroupArn":"{{GroupArn}}-cov","status":"SUCCEEDED"}]}"""),
                _ => WireReply.Json($$"""{"testCases":[{"prefix":"page","name":"{{(JsonDocument.Parse(r.BodyText).RootElement.GetProperty("filter").GetProperty("status").GetString() == "FAILED" ? "renders" : "crashes")}}","status":"x"}]}"""),
            },
        };
        using var session = WireSession.For(server);

        var results = await new TestResultsReader(session.CodeBuild).ReadAsync(BuildId, CancellationToken.None);

        var report = Assert.Single(results.Reports);
        Assert.Equal(("demo-test-unit", 5, 2, 2, 1), (report.ReportGroup, report.Total, report.Passed, report.Failed, report.Skipped));
        Assert.Equal(["page renders", "page crashes"], report.FailingTests);
        Assert.Equal(2, Calls(server, "DescribeTestCases").Count());
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task A_build_without_reports_reads_as_no_report_in_one_call()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"builds":[{"id":"{{BuildId}}","buildStatus":"SUCCEEDED"}]}"""));
        using var session = WireSession.For(server);

        var results = await new TestResultsReader(session.CodeBuild).ReadAsync(BuildId, CancellationToken.None);

        Assert.Equal((BuildId, "SUCCEEDED", 0), (results.BuildId, results.BuildStatus, results.Reports.Count));
        Assert.Single(server.Requests);
    }
}
