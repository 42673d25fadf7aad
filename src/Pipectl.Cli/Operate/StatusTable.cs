using System.Text.RegularExpressions;
using Pipectl.Cli.Output;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>
/// A pipeline's status as a compact text table: a header with the latest execution, its source revision and
/// a waiting approval, then one row per action (stage, action, status, last change, detail). Rows of stages
/// that last ran for an older execution are dimmed; errors are red.
/// </summary>
public static partial class StatusTable
{
    /// <summary>Longest detail shown in a row; the JSON output carries the whole text.</summary>
    private const int DetailWidth = 72;

    /// <summary>The table's lines; <paramref name="command"/> makes the suggested start and approve commands (<see cref="OperatedTarget.Command"/>).</summary>
    internal static IReadOnlyList<string> Lines(PipelineStatus status, TextStyle style, DateTimeOffset now, Func<string, string?, string> command)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(style);
        var latest = status.LatestExecution;
        var lines = new List<string> { $"pipeline   {style.Bold(status.PipelineName)}" };
        if (latest is null)
        {
            lines.Add($"execution  none yet: the pipeline has not run ({command("start", null)})");
        }
        else
        {
            var stopped = latest.StopReason is { Length: > 0 } reason ? $"  ({TerminalText.Inline(reason)})" : string.Empty;
            lines.Add($"execution  {latest.Id}  {Paint(style, latest.Status, latest.Status ?? "-")}  started {RelativeTime.Format(latest.StartTime, now)}{stopped}");
            if (latest.SourceRevision is not null)
            {
                lines.Add($"source     {ShortRevision(latest.SourceRevision)}  {FirstLine(latest.SourceSummary)}".TrimEnd());
            }
        }

        foreach (var approval in ApprovalFinder.FindAll(status))
        {
            lines.Add($"approval   {style.Warn($"waiting at {approval}")}: {command("approve", null)}  (or reject)");
        }

        lines.Add(string.Empty);
        var rows = new List<(string Stage, string Action, string Status, string Changed, string Detail, bool Stale, bool Failed)>();
        foreach (var stage in status.Stages)
        {
            var stale = latest is not null && stage.ExecutionId is not null && stage.ExecutionId != latest.Id;
            var first = true;
            foreach (var action in stage.Actions.DefaultIfEmpty(new ActionStatus("-", null)))
            {
                var detail = Detail(action);
                if (stale)
                {
                    // Without colour a dimmed row looks current: say which run the status belongs to.
                    detail = $"{detail}  (execution {ShortId(stage.ExecutionId!)})".TrimStart();
                }

                if (first && stage.TransitionDisabledReason is { } disabled)
                {
                    detail = $"[transition disabled: {disabled}] {detail}".TrimEnd();
                }

                // Names, statuses and details come from AWS: one row each, whatever line breaks or escapes they hold.
                rows.Add((first ? TerminalText.Inline(stage.Name) : string.Empty, TerminalText.Inline(action.Name), TerminalText.Inline(action.Status ?? "-"), RelativeTime.Format(action.LastChange, now), Truncate(TerminalText.Inline(detail)), stale, action.Error is not null));
                first = false;
            }
        }

        var widths = new[]
        {
            Math.Max("STAGE".Length, rows.Select(r => r.Stage.Length).DefaultIfEmpty(0).Max()),
            Math.Max("ACTION".Length, rows.Select(r => r.Action.Length).DefaultIfEmpty(0).Max()),
            Math.Max("STATUS".Length, rows.Select(r => r.Status.Length).DefaultIfEmpty(0).Max()),
            Math.Max("CHANGED".Length, rows.Select(r => r.Changed.Length).DefaultIfEmpty(0).Max()),
        };
        lines.Add(style.Dim($"{"STAGE".PadRight(widths[0])}  {"ACTION".PadRight(widths[1])}  {"STATUS".PadRight(widths[2])}  {"CHANGED".PadRight(widths[3])}  DETAIL"));
        foreach (var row in rows)
        {
            // A stale row is dimmed as a whole: no status colour inside it (its reset would end the dimming).
            var painted = row.Stale ? row.Status.PadRight(widths[2]) : Paint(style, row.Status, row.Status.PadRight(widths[2]));
            var detail = row.Failed && !row.Stale ? style.Bad(row.Detail) : row.Detail;
            var line = $"{row.Stage.PadRight(widths[0])}  {row.Action.PadRight(widths[1])}  {painted}  {row.Changed.PadRight(widths[3])}  {detail}".TrimEnd();
            lines.Add(row.Stale ? style.Dim(line) : line);
        }

        return lines;
    }

    /// <summary>A 40-hex commit id shortened to 8 characters, anything else as it is.</summary>
    public static string ShortRevision(string revision) => CommitId().IsMatch(revision) ? revision[..8] : revision;

    private static string ShortId(string executionId) => executionId.Length > 8 ? executionId[..8] : executionId;

    private static string Detail(ActionStatus action) => action switch
    {
        { Error: { } error } => string.IsNullOrEmpty(error.Code) ? error.Message ?? string.Empty : $"{error.Code}: {error.Message}",
        { Status: PipelineStatuses.InProgress, ApprovalToken.Length: > 0 } => "waiting for approval",
        { Revision: { } revision } => $"{ShortRevision(revision)}  {FirstLine(action.Summary)}".TrimEnd(),
        _ => FirstLine(action.Summary),
    };

    private static string Paint(TextStyle style, string? status, string text) => status switch
    {
        PipelineStatuses.Succeeded => style.Good(text),
        PipelineStatuses.Failed or PipelineStatuses.Stopped or PipelineStatuses.Cancelled or PipelineStatuses.Abandoned => style.Bad(text),
        PipelineStatuses.InProgress or PipelineStatuses.Stopping => style.Warn(text),
        _ => text,
    };

    private static string FirstLine(string? text) => TerminalText.Inline(text?.Split('\n', 2)[0]).Trim();

    private static string Truncate(string text) => text.Length <= DetailWidth ? text : string.Concat(text.AsSpan(0, DetailWidth - 3), "...");

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitId();
}
