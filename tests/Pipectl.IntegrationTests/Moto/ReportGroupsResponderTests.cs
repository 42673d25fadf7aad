using System.Text;
using System.Text.Json;
using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.Errors;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// moto has no CodeBuild report groups or reports: moto_launcher.py answers them in memory, as the CodeBuild API
/// Reference describes. This shows the responder does what the product relies on, through pipectl's own client,
/// and that the rest of CodeBuild still reaches moto.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ReportGroupsResponderTests(MotoServer moto)
{
    /// <summary>Stands in for a test build writing a report (tests only: not an AWS operation).</summary>
    public static async Task<string> AddReportAsync(MotoServer moto, string groupArn, params (string Name, string Status)[] cases)
    {
        using var http = new HttpClient();
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["reportGroupArn"] = groupArn,
            ["testCases"] = cases.Select(c => new Dictionary<string, string> { ["name"] = c.Name, ["status"] = c.Status }).ToArray(),
        });
        var reply = await http.PostAsync($"{moto.Endpoint}/_pipectl/codebuild/report", new StringContent(body, Encoding.UTF8, "application/json"));
        reply.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("reportArn").GetString()!;
    }

    [Fact]
    public async Task A_group_is_created_read_by_arn_updated_and_deleted_with_its_reports()
    {
        using var session = TestSessions.For(moto);
        var codeBuild = session.CodeBuild;
        var name = "rg-" + Guid.NewGuid().ToString("N")[..8];

        var created = (await codeBuild.CreateReportGroupAsync(new CreateReportGroupRequest(name, "TEST", new ReportExportConfig("NO_EXPORT"), [new CodeBuildTag("pipectl:stack", "rg")]))).ReportGroup!;
        var arn = created.Arn!;
        var duplicate = await Assert.ThrowsAsync<AwsResourceExistsException>(() => codeBuild.CreateReportGroupAsync(new CreateReportGroupRequest(name, "TEST", new ReportExportConfig("NO_EXPORT"))));
        var read = await codeBuild.BatchGetReportGroupsAsync([arn, arn + "-missing"]);
        await codeBuild.UpdateReportGroupAsync(new UpdateReportGroupRequest(arn, Tags: [new CodeBuildTag("team", "web")]));
        var updated = (await codeBuild.BatchGetReportGroupsAsync([arn])).ReportGroups!.Single();
        var report = await AddReportAsync(moto, arn, ("renders", "SUCCEEDED"), ("escapes", "FAILED"));
        var refused = await Assert.ThrowsAsync<AwsValidationException>(() => codeBuild.DeleteReportGroupAsync(arn, deleteReports: false));
        var summary = (await codeBuild.BatchGetReportsAsync([report])).Reports!.Single().TestSummary!;
        var failing = (await codeBuild.DescribeTestCasesAsync(new DescribeTestCasesRequest(report, new TestCaseFilter("FAILED")))).TestCases!;
        await codeBuild.DeleteReportGroupAsync(arn, deleteReports: true);
        var gone = await codeBuild.BatchGetReportGroupsAsync([arn]);

        Assert.Equal($"arn:aws:codebuild:us-east-1:123456789012:report-group/{name}", arn);
        Assert.Equal(("TEST", "NO_EXPORT", "ACTIVE"), (created.Type, created.ExportConfig!.ExportConfigType, created.Status));
        Assert.Equal("ResourceAlreadyExistsException", duplicate.Code);
        Assert.Equal(name, read.ReportGroups!.Single().Name);
        Assert.Equal([arn + "-missing"], read.ReportGroupsNotFound!);
        Assert.Equal(["team=web"], updated.Tags!.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal("NO_EXPORT", updated.ExportConfig!.ExportConfigType);
        Assert.Contains("deleteReports", refused.Message, StringComparison.Ordinal);
        Assert.Equal((2, 1, 1), (summary.Total, summary.StatusCounts!["SUCCEEDED"], summary.StatusCounts["FAILED"]));
        Assert.Equal(["escapes"], failing.Select(c => c.Name));
        Assert.Empty(gone.ReportGroups!);
        Assert.Equal([arn], gone.ReportGroupsNotFound!);
    }

    [Fact]
    public async Task Names_of_one_character_and_unknown_types_are_refused_and_projects_still_reach_moto()
    {
        using var session = TestSessions.For(moto);

        var shortName = await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeBuild.CreateReportGroupAsync(new CreateReportGroupRequest("r", "TEST", new ReportExportConfig("NO_EXPORT"))));
        var type = await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeBuild.CreateReportGroupAsync(new CreateReportGroupRequest("rg-type", "LINT", new ReportExportConfig("NO_EXPORT"))));
        var projects = await session.CodeBuild.BatchGetProjectsAsync(["rg-no-such-project"]);

        Assert.Contains("2 to 128", shortName.Message, StringComparison.Ordinal);
        Assert.Contains("LINT", type.Message, StringComparison.Ordinal);
        Assert.Equal(["rg-no-such-project"], projects.ProjectsNotFound!);
    }
}
