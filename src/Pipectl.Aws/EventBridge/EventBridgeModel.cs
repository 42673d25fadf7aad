using System.Text.Json.Serialization;

namespace Pipectl.Aws.EventBridge;

// Request and reply shapes of the EventBridge operations pipectl calls (botocore events 2015-10-07).
// Members are PascalCase on the wire (the JSON context has no naming policy); tag resources use "ResourceARN".

/// <summary>PutRule input (creates or updates a rule on the default event bus); State is ENABLED or DISABLED.</summary>
public sealed record PutRuleRequest(
    string Name,
    string? EventPattern = null,
    string? State = null,
    string? Description = null,
    string? RoleArn = null,
    IReadOnlyList<EventBridgeTag>? Tags = null,
    string? ScheduleExpression = null);

/// <summary>PutRule output.</summary>
public sealed record PutRuleReply(string? RuleArn);

/// <summary>Input of the operations that take only a rule name (DescribeRule, DeleteRule).</summary>
public sealed record RuleNameRequest(string Name);

/// <summary>DescribeRule output.</summary>
public sealed record DescribeRuleReply
{
    public string? Name { get; init; }
    public string? Arn { get; init; }
    public string? EventPattern { get; init; }
    public string? ScheduleExpression { get; init; }
    public string? State { get; init; }
    public string? Description { get; init; }
    public string? RoleArn { get; init; }
    public string? ManagedBy { get; init; }
    public string? EventBusName { get; init; }
    public string? CreatedBy { get; init; }
}

/// <summary>A rule's target: an id unique within the rule, the target's ARN and the role EventBridge assumes to invoke it.</summary>
public sealed record RuleTarget(string Id, string Arn, string? RoleArn = null, string? Input = null);

/// <summary>PutTargets input.</summary>
public sealed record PutTargetsRequest(string Rule, IReadOnlyList<RuleTarget> Targets);

/// <summary>PutTargets output: entries that failed are reported here, not as an error.</summary>
public sealed record PutTargetsReply(int? FailedEntryCount, IReadOnlyList<FailedTargetEntry>? FailedEntries);

/// <summary>A target that PutTargets or RemoveTargets could not add or remove.</summary>
public sealed record FailedTargetEntry(string? TargetId, string? ErrorCode, string? ErrorMessage);

/// <summary>ListTargetsByRule input.</summary>
public sealed record ListTargetsByRuleRequest(string Rule, string? NextToken = null, int? Limit = null);

/// <summary>One page of a rule's targets.</summary>
public sealed record ListTargetsByRuleReply(IReadOnlyList<RuleTarget>? Targets, string? NextToken = null);

/// <summary>RemoveTargets input.</summary>
public sealed record RemoveTargetsRequest(string Rule, IReadOnlyList<string> Ids);

/// <summary>RemoveTargets output: entries that failed are reported here, not as an error.</summary>
public sealed record RemoveTargetsReply(int? FailedEntryCount, IReadOnlyList<FailedTargetEntry>? FailedEntries);

/// <summary>An EventBridge tag.</summary>
public sealed record EventBridgeTag(string Key, string Value);

/// <summary>EventBridge TagResource input.</summary>
public sealed record EventBridgeTagResourceRequest(
    [property: JsonPropertyName("ResourceARN")] string ResourceArn,
    IReadOnlyList<EventBridgeTag> Tags);

/// <summary>EventBridge ListTagsForResource input.</summary>
public sealed record EventBridgeListTagsRequest([property: JsonPropertyName("ResourceARN")] string ResourceArn);

/// <summary>EventBridge ListTagsForResource output (not paged).</summary>
public sealed record EventBridgeTagsReply(IReadOnlyList<EventBridgeTag>? Tags);
