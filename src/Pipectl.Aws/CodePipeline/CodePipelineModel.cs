namespace Pipectl.Aws.CodePipeline;

// Request and reply shapes of the CodePipeline operations pipectl calls (botocore codepipeline 2015-07-09).
// Members are camelCase on the wire.

/// <summary>
/// A pipeline's structure, as sent to CreatePipeline/UpdatePipeline and read back from GetPipeline.
/// <see cref="Version"/> is set by CodePipeline (leave it null when creating; UpdatePipeline ignores it).
/// <see cref="PipelineType"/> is V1 or V2 (V1 when omitted); <see cref="ExecutionMode"/> QUEUED, SUPERSEDED or PARALLEL.
/// </summary>
public sealed record PipelineDeclaration(
    string Name,
    string RoleArn,
    ArtifactStore? ArtifactStore,
    IReadOnlyList<StageDeclaration> Stages,
    int? Version = null,
    string? PipelineType = null,
    string? ExecutionMode = null,
    IReadOnlyList<PipelineTriggerDeclaration>? Triggers = null);

/// <summary>A V2 trigger: providerType CodeStarSourceConnection and the source action's git filters.</summary>
public sealed record PipelineTriggerDeclaration(string ProviderType, GitConfiguration GitConfiguration);

/// <summary>The source action a trigger watches and its push filters (at most 3).</summary>
public sealed record GitConfiguration(string SourceActionName, IReadOnlyList<GitPushFilter>? Push = null);

/// <summary>One push filter: branch and file-path patterns (at most 8 each).</summary>
public sealed record GitPushFilter(GitFilterCriteria? Branches = null, GitFilterCriteria? FilePaths = null);

/// <summary>Patterns to include and exclude.</summary>
public sealed record GitFilterCriteria(IReadOnlyList<string>? Includes = null, IReadOnlyList<string>? Excludes = null);

/// <summary>The pipeline's artifact store: type S3 and the bucket name.</summary>
public sealed record ArtifactStore(string Type, string Location);

/// <summary>One stage and its actions.</summary>
public sealed record StageDeclaration(string Name, IReadOnlyList<ActionDeclaration> Actions);

/// <summary>One action of a stage; <see cref="Configuration"/> is the provider's string map (e.g. RepositoryName, BranchName, PollForSourceChanges).</summary>
public sealed record ActionDeclaration(
    string Name,
    ActionTypeId ActionTypeId,
    int? RunOrder = null,
    Dictionary<string, string>? Configuration = null,
    IReadOnlyList<InputArtifact>? InputArtifacts = null,
    IReadOnlyList<OutputArtifact>? OutputArtifacts = null,
    string? RoleArn = null,
    string? Region = null,
    string? Namespace = null);

/// <summary>What an action is: category (Source, Build, Deploy, Approval, ...), owner (AWS), provider (CodeCommit, CodeBuild, S3, Manual, ...), version ("1").</summary>
public sealed record ActionTypeId(string Category, string Owner, string Provider, string Version);

/// <summary>An artifact an action consumes.</summary>
public sealed record InputArtifact(string Name);

/// <summary>An artifact an action produces.</summary>
public sealed record OutputArtifact(string Name);

/// <summary>A CodePipeline tag (a list of key/value objects on the wire).</summary>
public sealed record PipelineTag(string Key, string Value);

/// <summary>CreatePipeline input.</summary>
public sealed record CreatePipelineRequest(PipelineDeclaration Pipeline, IReadOnlyList<PipelineTag>? Tags = null);

/// <summary>CreatePipeline output.</summary>
public sealed record CreatePipelineReply(PipelineDeclaration? Pipeline, IReadOnlyList<PipelineTag>? Tags = null);

/// <summary>GetPipeline input; a null version reads the latest.</summary>
public sealed record GetPipelineRequest(string Name, int? Version = null);

/// <summary>GetPipeline output: the structure and its ARN and dates.</summary>
public sealed record GetPipelineReply(PipelineDeclaration? Pipeline, PipelineMetadata? Metadata);

/// <summary>A pipeline's ARN, creation and last update.</summary>
public sealed record PipelineMetadata(string? PipelineArn, DateTimeOffset? Created, DateTimeOffset? Updated);

/// <summary>UpdatePipeline input.</summary>
public sealed record UpdatePipelineRequest(PipelineDeclaration Pipeline);

/// <summary>UpdatePipeline output: the new structure (with its incremented version).</summary>
public sealed record UpdatePipelineReply(PipelineDeclaration? Pipeline);

/// <summary>Input of the operations that take only a pipeline name (DeletePipeline, GetPipelineState).</summary>
public sealed record PipelineNameRequest(string Name);

/// <summary>GetPipelineState output.</summary>
public sealed record PipelineStateReply(
    string? PipelineName,
    int? PipelineVersion,
    IReadOnlyList<StageState>? StageStates,
    DateTimeOffset? Created = null,
    DateTimeOffset? Updated = null);

/// <summary>The state of one stage: its latest execution, its actions and whether transitions into it are enabled.</summary>
public sealed record StageState(
    string? StageName,
    TransitionState? InboundTransitionState,
    IReadOnlyList<ActionState>? ActionStates,
    StageExecution? LatestExecution);

/// <summary>Whether the transition into a stage is enabled.</summary>
public sealed record TransitionState(bool? Enabled, string? LastChangedBy = null, DateTimeOffset? LastChangedAt = null, string? DisabledReason = null);

/// <summary>A stage's execution: the pipeline execution id and the stage status (InProgress, Succeeded, Failed, ...).</summary>
public sealed record StageExecution(string? PipelineExecutionId, string? Status);

/// <summary>The state of one action.</summary>
public sealed record ActionState(
    string? ActionName,
    ActionRevision? CurrentRevision,
    ActionExecution? LatestExecution,
    string? EntityUrl = null,
    string? RevisionUrl = null);

/// <summary>The revision an action last worked on (for a source action: the commit id).</summary>
public sealed record ActionRevision(string? RevisionId, string? RevisionChangeId, DateTimeOffset? Created);

/// <summary>
/// An action's latest execution: status (InProgress, Succeeded, Failed, Abandoned), summary, the approval
/// token of a pending manual approval, the external execution (e.g. the CodeBuild build id) and error details.
/// </summary>
public sealed record ActionExecution
{
    public string? ActionExecutionId { get; init; }
    public string? Status { get; init; }
    public string? Summary { get; init; }
    public DateTimeOffset? LastStatusChange { get; init; }
    public string? Token { get; init; }
    public string? LastUpdatedBy { get; init; }
    public string? ExternalExecutionId { get; init; }
    public string? ExternalExecutionUrl { get; init; }
    public int? PercentComplete { get; init; }
    public ErrorDetails? ErrorDetails { get; init; }
}

/// <summary>Why an action failed.</summary>
public sealed record ErrorDetails(string? Code, string? Message);

/// <summary>StartPipelineExecution input.</summary>
public sealed record StartPipelineExecutionRequest(string Name, string? ClientRequestToken = null);

/// <summary>StartPipelineExecution output.</summary>
public sealed record StartPipelineExecutionReply(string? PipelineExecutionId);

/// <summary>ListPipelineExecutions input.</summary>
public sealed record ListPipelineExecutionsRequest(string PipelineName, int? MaxResults = null, string? NextToken = null);

/// <summary>One page of a pipeline's executions, newest first.</summary>
public sealed record ListPipelineExecutionsReply(IReadOnlyList<PipelineExecutionSummary>? PipelineExecutionSummaries, string? NextToken = null);

/// <summary>One execution of a pipeline.</summary>
public sealed record PipelineExecutionSummary
{
    public string? PipelineExecutionId { get; init; }
    public string? Status { get; init; }
    public string? StatusSummary { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? LastUpdateTime { get; init; }
    public IReadOnlyList<SourceRevision>? SourceRevisions { get; init; }
    public ExecutionTrigger? Trigger { get; init; }
    public StopExecutionTrigger? StopTrigger { get; init; }
    public string? ExecutionMode { get; init; }
}

/// <summary>The source revision an execution ran (commit id, message, link).</summary>
public sealed record SourceRevision(string? ActionName, string? RevisionId, string? RevisionSummary, string? RevisionUrl);

/// <summary>What started an execution: triggerType (StartPipelineExecution, CloudWatchEvent, ...) and its detail.</summary>
public sealed record ExecutionTrigger(string? TriggerType, string? TriggerDetail);

/// <summary>Why an execution was stopped.</summary>
public sealed record StopExecutionTrigger(string? Reason);

/// <summary>PutApprovalResult input: the token comes from the approval action's latest execution.</summary>
public sealed record PutApprovalResultRequest(string PipelineName, string StageName, string ActionName, ApprovalResult Result, string Token);

/// <summary>An approval decision: status Approved or Rejected, and a summary.</summary>
public sealed record ApprovalResult(string Summary, string Status);

/// <summary>PutApprovalResult output.</summary>
public sealed record PutApprovalResultReply(DateTimeOffset? ApprovedAt);

/// <summary>CodePipeline TagResource input.</summary>
public sealed record PipelineTagResourceRequest(string ResourceArn, IReadOnlyList<PipelineTag> Tags);

/// <summary>CodePipeline ListTagsForResource input.</summary>
public sealed record PipelineListTagsRequest(string ResourceArn, string? NextToken = null);

/// <summary>One page of a CodePipeline resource's tags.</summary>
public sealed record PipelineTagsReply(IReadOnlyList<PipelineTag>? Tags, string? NextToken = null);

/// <summary>ListPipelines input; pass the previous page's NextToken for the next page.</summary>
public sealed record ListPipelinesRequest(string? NextToken = null, int? MaxResults = null);

/// <summary>One page of the region's pipelines.</summary>
public sealed record ListPipelinesReply(IReadOnlyList<PipelineSummary>? Pipelines, string? NextToken = null);

/// <summary>A pipeline as ListPipelines names it (no ARN and no tags: ListTagsForResource has those).</summary>
public sealed record PipelineSummary(
    string? Name,
    int? Version = null,
    string? PipelineType = null,
    string? ExecutionMode = null,
    DateTimeOffset? Created = null,
    DateTimeOffset? Updated = null);
