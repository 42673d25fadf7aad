using System.Text.Json;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Operations;
using Pipectl.Cli.Output;
using Pipectl.Core.Operations;
using Pipectl.Core.Pipelines;

namespace Pipectl.Cli.Operate;

/// <summary>
/// The latest Test stage run as <c>status</c> shows it: per report group the passed, failed and skipped counts and
/// the failing test names; a run that made no report, or a stage that has not run, says so. Null for a pipeline
/// without a Test stage.
/// </summary>
internal sealed record TestResultsView(TestResults? Results, string? Unreadable)
{
    /// <summary>The test results of the Test stage's latest build, or null when the pipeline has no Test stage.</summary>
    public static async Task<TestResultsView?> FindAsync(TestResultsReader reader, PipelineStatus status, CancellationToken cancellationToken)
    {
        var stage = status.Stages.FirstOrDefault(s => s.Name == PipelineDeclarationFactory.TestStageName);
        if (stage is null)
        {
            return null;
        }

        var buildId = stage.Actions.Select(a => a.ExternalId).FirstOrDefault(BuildLogs.IsBuildId);
        if (buildId is null)
        {
            return new TestResultsView(new TestResults(null, null, []), null);
        }

        try
        {
            return new TestResultsView(await reader.ReadAsync(buildId, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (AwsFailureText.IsRequestFailure(e))
        {
            // The status is what was asked for: results that cannot be read (a missing codebuild:BatchGetReports) do not hide it.
            return new TestResultsView(new TestResults(buildId, null, []), AwsFailureText.Describe(e) ?? e.Message);
        }
    }

    public IEnumerable<string> Lines()
    {
        yield return string.Empty;
        if (Results?.BuildId is not { } buildId)
        {
            yield return "tests      the Test stage has not run yet";
            yield break;
        }

        if (Unreadable is not null)
        {
            yield return $"tests      {buildId}: results not shown ({TerminalText.Inline(Unreadable)})";
            yield break;
        }

        if (Results.Reports.Count == 0)
        {
            yield return $"tests      {buildId}  {Results.BuildStatus}: no test report (does the test buildspec's reports: name the files the tests write?)";
            yield break;
        }

        foreach (var report in Results.Reports)
        {
            yield return $"tests      {TerminalText.Inline(report.ReportGroup)}: {report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped ({report.Total} total, {buildId})";
            foreach (var name in report.FailingTests)
            {
                yield return $"  failed   {TerminalText.Inline(name)}";
            }

            if (report.Failed > report.FailingTests.Count)
            {
                yield return $"  ...      and {report.Failed - report.FailingTests.Count} more";
            }
        }
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("tests");
        writer.WriteString("buildId", Results?.BuildId);
        writer.WriteString("buildStatus", Results?.BuildStatus);
        writer.WriteString("unreadable", Unreadable);
        writer.WriteStartArray("reports");
        foreach (var report in Results?.Reports ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("reportGroup", report.ReportGroup);
            writer.WriteString("status", report.Status);
            writer.WriteNumber("total", report.Total);
            writer.WriteNumber("passed", report.Passed);
            writer.WriteNumber("failed", report.Failed);
            writer.WriteNumber("skipped", report.Skipped);
            writer.WriteStartArray("failingTests");
            foreach (var name in report.FailingTests)
            {
                writer.WriteStringValue(TerminalText.Inline(name));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
