using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.EventBridge;

/// <summary>pipectl's own EventBridge client (JSON 1.1, target prefix AWSEvents, signed as "events"; PascalCase members).</summary>
public class EventBridgeClient(AWSCredentials credentials, PipectlClientConfig<EventBridgeFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<EventBridgeFacts>(credentials, config, EventBridgeFacts.TargetPrefix, counter)
{
    private static EventBridgeJsonContext Json => EventBridgeJsonContext.Default;

    /// <summary>Creates or updates a rule on the default event bus.</summary>
    public virtual Task<PutRuleReply> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("PutRule", request, Json.PutRuleRequest, Json.PutRuleReply, cancellationToken);

    /// <summary>A rule; <c>ResourceNotFoundException</c> (not found) when there is none.</summary>
    public virtual Task<DescribeRuleReply> DescribeRuleAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DescribeRule", new RuleNameRequest(name), Json.RuleNameRequest, Json.DescribeRuleReply, cancellationToken);

    /// <summary>Adds or replaces targets of a rule; check FailedEntryCount, failures are not errors.</summary>
    public virtual Task<PutTargetsReply> PutTargetsAsync(string rule, IReadOnlyList<RuleTarget> targets, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("PutTargets", new PutTargetsRequest(rule, targets), Json.PutTargetsRequest, Json.PutTargetsReply, cancellationToken);

    /// <summary>One page of a rule's targets; pass the previous page's NextToken for the next.</summary>
    public virtual Task<ListTargetsByRuleReply> ListTargetsByRuleAsync(string rule, string? nextToken = null, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListTargetsByRule", new ListTargetsByRuleRequest(rule, nextToken), Json.ListTargetsByRuleRequest, Json.ListTargetsByRuleReply, cancellationToken);

    /// <summary>Every target of a rule, following NextToken across pages.</summary>
    public virtual async Task<IReadOnlyList<RuleTarget>> ListAllTargetsByRuleAsync(string rule, CancellationToken cancellationToken = default)
    {
        var targets = new List<RuleTarget>();
        string? token = null;
        do
        {
            var page = await ListTargetsByRuleAsync(rule, token, cancellationToken).ConfigureAwait(false);
            targets.AddRange(page.Targets ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return targets;
    }

    /// <summary>Removes targets from a rule; check FailedEntryCount, failures are not errors.</summary>
    public virtual Task<RemoveTargetsReply> RemoveTargetsAsync(string rule, IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("RemoveTargets", new RemoveTargetsRequest(rule, ids), Json.RemoveTargetsRequest, Json.RemoveTargetsReply, cancellationToken);

    /// <summary>Deletes a rule; <c>ValidationException</c> (delete conflict) while it still has targets.</summary>
    public virtual Task DeleteRuleAsync(string name, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("DeleteRule", new RuleNameRequest(name), Json.RuleNameRequest, Json.JsonElement, cancellationToken);

    /// <summary>Adds or overwrites tags on a rule.</summary>
    public virtual Task TagResourceAsync(string resourceArn, IReadOnlyList<EventBridgeTag> tags, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("TagResource", new EventBridgeTagResourceRequest(resourceArn, tags), Json.EventBridgeTagResourceRequest, Json.JsonElement, cancellationToken);

    /// <summary>A rule's tags.</summary>
    public virtual Task<EventBridgeTagsReply> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("ListTagsForResource", new EventBridgeListTagsRequest(resourceArn), Json.EventBridgeListTagsRequest, Json.EventBridgeTagsReply, cancellationToken);
}
