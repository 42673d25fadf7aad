using Pipectl.Cli.Output;
using System.Text.Json;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Logs;
using Pipectl.Aws.Operations;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>
/// The failed build behind a failed build action, shown by <c>status</c> and by <c>start --watch</c> when the
/// build failed: the build id, the console link to its log, the failed phase, and the log's last lines.
/// </summary>
internal sealed record FailedBuild(FoundBuild Found, IReadOnlyList<LogEvent> LastLines, string? Unreadable)
{
    /// <summary>How many of the log's last lines are shown.</summary>
    public const int TailLength = 15;

    /// <summary>
    /// The failed build of the latest execution (null when no build action failed). A log that cannot be
    /// read (a missing logs:GetLogEvents permission) leaves the build id and link, with the reason.
    /// </summary>
    public static async Task<FailedBuild?> FindAsync(BuildLogs logs, PipelineStatus status, CancellationToken cancellationToken)
    {
        var failed = status.Stages
            .Where(s => status.LatestExecution is null || s.ExecutionId is null || s.ExecutionId == status.LatestExecution.Id)
            .SelectMany(s => s.Actions)
            .FirstOrDefault(a => a.Status == PipelineStatuses.Failed && BuildLogs.IsBuildId(a.ExternalId));
        if (failed is null)
        {
            return null;
        }

        try
        {
            var found = await logs.ReadAsync(failed.ExternalId!, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return null;
            }

            try
            {
                return new FailedBuild(found, await logs.TailAsync(found, TailLength, cancellationToken).ConfigureAwait(false), found.HasLog ? null : "the build wrote no CloudWatch log");
            }
            catch (Exception e) when (IsRequestFailure(e))
            {
                return new FailedBuild(found, [], AwsFailureText.Describe(e) ?? e.Message);
            }
        }
        catch (Exception e) when (IsRequestFailure(e))
        {
            // The status is what was asked for: a build that cannot be described does not hide it.
            return null;
        }
    }

    private static bool IsRequestFailure(Exception e) => AwsFailureText.IsRequestFailure(e);

    /// <summary>The build's lines; <paramref name="command"/> makes the suggested logs command (<see cref="OperatedTarget.Command"/>).</summary>
    public IEnumerable<string> Lines(Func<string, string?, string> command)
    {
        yield return string.Empty;
        yield return $"build      {Found.Id}  {Found.Build.BuildStatus}{(Found.FailedPhase is { } phase ? "  " + TerminalText.Inline(phase?.TrimEnd('\n', '\r')) : string.Empty)}";
        yield return $"log        {Found.ConsoleUrl}";
        if (Unreadable is not null)
        {
            yield return $"           (log not shown: {Unreadable})";
            yield break;
        }

        yield return $"last {LastLines.Count} lines (all of it: {command("logs", null)}):";
        foreach (var line in LastLines)
        {
            yield return "  " + TerminalText.Inline(line.Message?.TrimEnd('\n', '\r'));
        }
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("failedBuild");
        writer.WriteString("id", Found.Id);
        writer.WriteString("status", Found.Build.BuildStatus);
        writer.WriteString("failedPhase", Found.FailedPhase);
        writer.WriteString("logGroup", Found.Build.Logs?.GroupName);
        writer.WriteString("logStream", Found.Build.Logs?.StreamName);
        writer.WriteString("consoleUrl", Found.ConsoleUrl);
        writer.WriteStartArray("lastLines");
        foreach (var line in LastLines)
        {
            writer.WriteStringValue(TerminalText.Inline(line.Message?.TrimEnd('\n', '\r')));
        }

        writer.WriteEndArray();
        writer.WriteString("logUnreadable", Unreadable);
        writer.WriteEndObject();
    }
}
