namespace Pipectl.Aws.CodePipeline;

// The ListActionExecutions shapes (botocore codepipeline 2015-07-09): which build an execution ran.

/// <summary>ListActionExecutions input: the pipeline, optionally one execution's actions only.</summary>
public sealed record ListActionExecutionsRequest(string PipelineName, ActionExecutionFilter? Filter = null, int? MaxResults = null, string? NextToken = null);

/// <summary>Only the actions of this pipeline execution.</summary>
public sealed record ActionExecutionFilter(string? PipelineExecutionId);

/// <summary>One page of action executions, newest first.</summary>
public sealed record ListActionExecutionsReply(IReadOnlyList<ActionExecutionDetail>? ActionExecutionDetails, string? NextToken = null);

/// <summary>One run of one action: its type (input) and what it ran outside CodePipeline (output).</summary>
public sealed record ActionExecutionDetail
{
    public string? PipelineExecutionId { get; init; }
    public string? StageName { get; init; }
    public string? ActionName { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public ActionExecutionInput? Input { get; init; }
    public ActionExecutionOutput? Output { get; init; }
}

/// <summary>The action's type (provider CodeBuild for a build action).</summary>
public sealed record ActionExecutionInput(ActionTypeId? ActionTypeId);

/// <summary>What the action produced.</summary>
public sealed record ActionExecutionOutput(ActionExecutionResult? ExecutionResult);

/// <summary>The external execution: for a CodeBuild action, the build id.</summary>
public sealed record ActionExecutionResult(string? ExternalExecutionId, string? ExternalExecutionSummary = null, string? ExternalExecutionUrl = null);
