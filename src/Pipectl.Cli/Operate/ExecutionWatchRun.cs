using Pipectl.Aws.Operations;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>
/// Follows an execution for <c>status --watch</c> and <c>start --watch</c>: progress on stderr, the final
/// status on stdout (text or the JSON document), exit 0 when it succeeded and 1 when it failed, was stopped
/// or superseded. Ctrl-C and --timeout cancel the token: the last look is still printed, then the
/// cancellation goes on to VerbRunner (130, or 1 for the timeout).
/// </summary>
internal sealed class ExecutionWatchRun(
    PipelineOperations operations,
    BuildLogs logs,
    OperatedTarget target,
    GlobalSettings settings,
    CliConsole console,
    TimeSpan interval,
    TimeProvider clock,
    TestResultsReader? testResults = null)
{
    /// <summary>Follows <paramref name="executionId"/> (null: the latest); <paramref name="writeJsonHead"/> adds the verb's own members.</summary>
    public async Task<int> RunAsync(string command, string? executionId, Action<System.Text.Json.Utf8JsonWriter> writeJsonHead, CancellationToken cancellationToken)
    {
        var progress = new WatchProgress(console, interval, target.Command, clock);
        PipelineStatus? last = null;
        string? followed = executionId;
        var watch = new ExecutionWatch(
            token => operations.ReadStatusAsync(target.PipelineName, token),
            (wait, token) => Task.Delay(wait, clock, token),
            interval);
        WatchResult result;
        try
        {
            result = await watch.RunAsync(executionId, async (status, id) =>
            {
                last = status;
                followed = id;
                await progress.ShowAsync(status, id).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (last is not null)
        {
            await progress.ClearAsync().ConfigureAwait(false);
            await WriteFinalAsync(command, last, followed, ExecutionOutcome.Running, writeJsonHead).ConfigureAwait(false);
            throw;
        }

        await progress.ClearAsync().ConfigureAwait(false);
        var failedBuild = result.Outcome == ExecutionOutcome.Failed ? await FailedBuild.FindAsync(logs, result.Final, cancellationToken).ConfigureAwait(false) : null;

        // A settled execution's Test stage results: what a push-and-watch wants to see next to the outcome.
        var tests = testResults is null || result.Outcome == ExecutionOutcome.Running ? null : await TestResultsView.FindAsync(testResults, result.Final, cancellationToken).ConfigureAwait(false);
        await WriteFinalAsync(command, result.Final, result.Execution?.Id ?? followed, result.Outcome, writeJsonHead, failedBuild, tests).ConfigureAwait(false);
        if (result.Execution is null)
        {
            await console.Error.WriteLineAsync($"pipectl: {target.PipelineName} has no execution to watch: start one with `{target.Command("start")}`.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (result.Outcome == ExecutionOutcome.Succeeded)
        {
            return ExitCodes.Success;
        }

        await console.Error.WriteLineAsync($"pipectl: execution {result.Execution.Id} of {target.PipelineName} ended {result.Execution.Status}.").ConfigureAwait(false);
        return ExitCodes.Failed;
    }

    private async Task WriteFinalAsync(string command, PipelineStatus status, string? executionId, ExecutionOutcome outcome, Action<System.Text.Json.Utf8JsonWriter> writeJsonHead, FailedBuild? failedBuild = null, TestResultsView? tests = null)
    {
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("command", command);
                writeJsonHead(writer);
                StatusJson.WriteMembers(writer, status);
                writer.WriteStartObject("watch");
                writer.WriteString("executionId", executionId);
                writer.WriteString("executionStatus", executionId is null ? null : status.FindExecution(executionId)?.Status);
                writer.WriteString("outcome", executionId is null ? "none" : OutcomeName(outcome));
                writer.WriteEndObject();
                failedBuild?.WriteJson(writer);
                tests?.WriteJson(writer);
                writer.WriteEndObject();
            })).ConfigureAwait(false);
            return;
        }

        var style = new TextStyle(console.UseColor);
        foreach (var line in StatusTable.Lines(status, style, clock.GetUtcNow(), target.Command).Concat(failedBuild?.Lines(target.Command) ?? []).Concat(tests?.Lines() ?? []))
        {
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (executionId is not null)
        {
            var ended = status.FindExecution(executionId)?.Status ?? "not listed yet";
            var text = outcome switch
            {
                ExecutionOutcome.Succeeded => style.Good($"execution {executionId} succeeded"),
                ExecutionOutcome.Failed => style.Bad($"execution {executionId} ended {ended}"),
                _ => style.Warn($"execution {executionId} still {ended} when the watch stopped"),
            };
            await console.Out.WriteLineAsync().ConfigureAwait(false);
            await console.Out.WriteLineAsync(text).ConfigureAwait(false);
        }
    }

    private static string OutcomeName(ExecutionOutcome outcome) => outcome switch
    {
        ExecutionOutcome.Succeeded => "succeeded",
        ExecutionOutcome.Failed => "failed",
        _ => "running",
    };
}
