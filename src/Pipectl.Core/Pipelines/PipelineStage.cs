namespace Pipectl.Core.Pipelines;

/// <summary>One stage of a pipeline.</summary>
/// <param name="Name">The stage name, unique within the pipeline.</param>
/// <param name="Actions">The stage's actions.</param>
public sealed record PipelineStage(string Name, IReadOnlyList<PipelineAction> Actions);
