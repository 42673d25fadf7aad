namespace Pipectl.Core.Operations;

/// <summary>The one place that knows CodePipeline's status words (executions, stages and actions share them).</summary>
public static class PipelineStatuses
{
    public const string InProgress = "InProgress";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Stopping = "Stopping";
    public const string Stopped = "Stopped";
    public const string Superseded = "Superseded";
    public const string Cancelled = "Cancelled";
    public const string Abandoned = "Abandoned";
    public const string Skipped = "Skipped";

    /// <summary>True for a status that will not change any more.</summary>
    public static bool IsFinal(string? status) => ExecutionSettlement.Classify(status) != ExecutionOutcome.Running;
}
