namespace Pipectl.Core.Operations;

/// <summary>A stack pipectl manages (a pipeline tagged with its stack name) and its pipeline's latest execution status.</summary>
/// <param name="Stack">The stack name (the value of the stack tag).</param>
/// <param name="Pipeline">The pipeline name.</param>
/// <param name="LatestStatus">The latest execution's status; null when the pipeline never ran.</param>
/// <param name="LookupError">Why the latest status could not be read, when it could not.</param>
public sealed record StackPipeline(string Stack, string Pipeline, string? LatestStatus, string? LookupError = null);
