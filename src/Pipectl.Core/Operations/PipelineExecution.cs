namespace Pipectl.Core.Operations;

/// <summary>One execution of a pipeline.</summary>
/// <param name="Id">The pipeline execution id.</param>
/// <param name="Status">InProgress, Stopping, Stopped, Succeeded, Superseded, Failed or Cancelled.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="LastUpdateTime">When it last changed.</param>
/// <param name="SourceRevision">The source revision it runs (the commit id of the first source action).</param>
/// <param name="SourceSummary">That revision's summary (the commit message).</param>
/// <param name="StopReason">Why it was stopped, when it was.</param>
public sealed record PipelineExecution(
    string Id,
    string? Status,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? LastUpdateTime = null,
    string? SourceRevision = null,
    string? SourceSummary = null,
    string? StopReason = null);
