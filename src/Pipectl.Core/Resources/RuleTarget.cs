namespace Pipectl.Core.Resources;

/// <summary>An EventBridge rule target: the pipeline, started with the events role.</summary>
public sealed record RuleTarget(string Id, string Arn, string? RoleArn);
