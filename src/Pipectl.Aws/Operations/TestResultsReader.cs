using Pipectl.Aws.CodeBuild;

namespace Pipectl.Aws.Operations;

/// <summary>
/// Reads the test results of one build: BatchGetBuilds for its reportArns, one BatchGetReports for their summaries,
/// and, only for a report with failures, DescribeTestCases filtered to FAILED (and ERROR) for the failing names.
/// </summary>
public class TestResultsReader(CodeBuildClient codeBuild)
{
    /// <summary>The most failing test names read per report (one DescribeTestCases page).</summary>
    public const int MaxFailingTests = 20;

    public virtual async Task<TestResults> ReadAsync(string buildId, CancellationToken cancellationToken)
    {
        var builds = await codeBuild.BatchGetBuildsAsync([buildId], cancellationToken).ConfigureAwait(false);
        var build = builds.Builds?.FirstOrDefault(b => b.Id == buildId);
        if (build?.ReportArns is not { Count: > 0 } arns)
        {
            return new TestResults(buildId, build?.BuildStatus, []);
        }

        var reply = await codeBuild.BatchGetReportsAsync([.. arns.Take(100)], cancellationToken).ConfigureAwait(false);
        var results = new List<TestReportResult>();
        foreach (var report in (reply.Reports ?? []).Where(r => r.TestSummary is not null))
        {
            var counts = report.TestSummary!.StatusCounts ?? new Dictionary<string, int>();
            var failed = Count(counts, "FAILED") + Count(counts, "ERROR");
            var names = failed == 0 || report.Arn is null ? [] : await FailingAsync(report.Arn, counts, cancellationToken).ConfigureAwait(false);
            results.Add(new TestReportResult(
                GroupName(report.ReportGroupArn) ?? report.Name ?? string.Empty,
                report.Status,
                report.TestSummary.Total,
                Count(counts, "SUCCEEDED"),
                failed,
                Count(counts, "SKIPPED"),
                names));
        }

        return new TestResults(buildId, build.BuildStatus, results);
    }

    private async Task<IReadOnlyList<string>> FailingAsync(string reportArn, IReadOnlyDictionary<string, int> counts, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var status in new[] { "FAILED", "ERROR" }.Where(s => Count(counts, s) > 0))
        {
            var page = await codeBuild.DescribeTestCasesAsync(new DescribeTestCasesRequest(reportArn, new TestCaseFilter(status), MaxResults: MaxFailingTests), cancellationToken).ConfigureAwait(false);
            names.AddRange((page.TestCases ?? []).Select(t => string.IsNullOrEmpty(t.Prefix) ? t.Name ?? string.Empty : $"{t.Prefix} {t.Name}"));
        }

        return [.. names.Take(MaxFailingTests)];
    }

    private static int Count(IReadOnlyDictionary<string, int> counts, string status) => counts.TryGetValue(status, out var n) ? n : 0;

    private static string? GroupName(string? arn) => arn is null ? null : arn[(arn.LastIndexOf('/') + 1)..];
}
