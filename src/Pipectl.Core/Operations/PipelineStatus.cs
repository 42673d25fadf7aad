namespace Pipectl.Core.Operations;

/// <summary>
/// A pipeline as an operator sees it at one moment: every stage in order with its actions, and the newest
/// executions (newest first). Built from GetPipelineState and ListPipelineExecutions.
/// </summary>
/// <param name="PipelineName">The pipeline.</param>
/// <param name="Stages">The stages in pipeline order.</param>
/// <param name="RecentExecutions">The newest executions, newest first; empty when the pipeline never ran.</param>
public sealed record PipelineStatus(string PipelineName, IReadOnlyList<StageStatus> Stages, IReadOnlyList<PipelineExecution> RecentExecutions)
{
    /// <summary>The newest execution, or null when the pipeline has none yet.</summary>
    public PipelineExecution? LatestExecution => RecentExecutions.Count > 0 ? RecentExecutions[0] : null;

    /// <summary>The execution with this id among the recent ones, or null when it is not (or not yet) listed.</summary>
    public PipelineExecution? FindExecution(string executionId) =>
        RecentExecutions.FirstOrDefault(e => string.Equals(e.Id, executionId, StringComparison.Ordinal));
}
