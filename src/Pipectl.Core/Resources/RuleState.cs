namespace Pipectl.Core.Resources;

/// <summary>An EventBridge rule as read back, with its targets.</summary>
public sealed record RuleState(string Name, string Arn, string? EventPattern, bool Enabled, IReadOnlyList<RuleTarget> Targets, IReadOnlyDictionary<string, string> Tags) : ITaggedState;
