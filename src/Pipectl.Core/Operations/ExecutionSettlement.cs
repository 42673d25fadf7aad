namespace Pipectl.Core.Operations;

/// <summary>Tells a settled execution from a running one, and success from everything else.</summary>
public static class ExecutionSettlement
{
    /// <summary>
    /// The outcome of an execution status. Stopping is still running (its actions finish or are abandoned);
    /// an unknown or missing status counts as running, so a watch waits rather than guessing.
    /// </summary>
    public static ExecutionOutcome Classify(string? status) => status switch
    {
        PipelineStatuses.Succeeded => ExecutionOutcome.Succeeded,
        PipelineStatuses.Failed or PipelineStatuses.Stopped or PipelineStatuses.Superseded or PipelineStatuses.Cancelled => ExecutionOutcome.Failed,
        _ => ExecutionOutcome.Running,
    };
}
