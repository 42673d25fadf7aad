namespace Pipectl.Core.Operations;

/// <summary>
/// Follows one pipeline execution until it settles: look, report, wait, look again. How to look and how to
/// wait are given, so a test scripts the answers (running, running, succeeded) and never sleeps. It does
/// not stop on its own before the execution settles: the caller's token (Ctrl-C, --timeout) does.
/// </summary>
/// <param name="read">Reads the pipeline's status once.</param>
/// <param name="delay">Waits between two looks (Task.Delay in the CLI).</param>
/// <param name="interval">How long to wait between two looks.</param>
public sealed class ExecutionWatch(Func<CancellationToken, Task<PipelineStatus>> read, Func<TimeSpan, CancellationToken, Task> delay, TimeSpan interval)
{
    /// <summary>
    /// Follows <paramref name="executionId"/> (null: the latest execution at the first look) and calls
    /// <paramref name="onLook"/> after every look. An execution that is not listed yet (just started) counts
    /// as running. With no execution at all, it returns at once with a null execution.
    /// </summary>
    public async Task<WatchResult> RunAsync(string? executionId, Func<PipelineStatus, string?, Task> onLook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onLook);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = await read(cancellationToken).ConfigureAwait(false);
            executionId ??= status.LatestExecution?.Id;
            await onLook(status, executionId).ConfigureAwait(false);
            if (executionId is null)
            {
                return new WatchResult(ExecutionOutcome.Failed, null, status);
            }

            var execution = status.FindExecution(executionId);
            var outcome = ExecutionSettlement.Classify(execution?.Status);
            if (outcome != ExecutionOutcome.Running)
            {
                return new WatchResult(outcome, execution, status);
            }

            await delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
