namespace Pipectl.Core.Operations;

/// <summary>How a watch ended: the outcome, the execution it followed (null: there was none) and the last look.</summary>
public sealed record WatchResult(ExecutionOutcome Outcome, PipelineExecution? Execution, PipelineStatus Final);
