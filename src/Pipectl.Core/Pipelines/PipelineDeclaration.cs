namespace Pipectl.Core.Pipelines;

/// <summary>
/// A pipeline's structure, CodePipeline's <c>PipelineDeclaration</c> without AWS types: what pipectl wants
/// (from <see cref="PipelineDeclarationFactory"/>) or what GetPipeline returned (mapped by the AWS layer).
/// </summary>
public sealed record PipelineDeclaration
{
    /// <summary>The pipeline name.</summary>
    public required string Name { get; init; }

    /// <summary>The pipeline's service role ARN.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The artifact store.</summary>
    public required PipelineArtifactStore ArtifactStore { get; init; }

    /// <summary>The stages, in the order they run.</summary>
    public required IReadOnlyList<PipelineStage> Stages { get; init; }

    /// <summary><c>V1</c> or <c>V2</c>; null (as GetPipeline may return for old pipelines) means V1.</summary>
    public string? PipelineType { get; init; }

    /// <summary>
    /// <c>QUEUED</c>, <c>SUPERSEDED</c> or <c>PARALLEL</c>; null leaves AWS's default (SUPERSEDED), and then
    /// whatever AWS reports is not a difference.
    /// </summary>
    public string? ExecutionMode { get; init; }

    /// <summary>V2 push triggers; empty for none (then CodePipeline's default change detection applies).</summary>
    public IReadOnlyList<PipelineTrigger> Triggers { get; init; } = [];

    /// <summary>The version AWS keeps (1 on create, +1 per update); never compared.</summary>
    public int? Version { get; init; }
}
