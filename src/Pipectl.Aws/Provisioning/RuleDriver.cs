using Pipectl.Aws.Errors;
using Pipectl.Aws.EventBridge;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using AwsTarget = Pipectl.Aws.EventBridge.RuleTarget;
using CoreTarget = Pipectl.Core.Resources.RuleTarget;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The EventBridge rule that starts the pipeline, and its one target (the pipeline, invoked with the events
/// role). PutRule is idempotent and PutTargets replaces a target with the same Id, so a lost reply is
/// harmless and re-runs never duplicate. Targets with other Ids belong to someone else and are left alone;
/// tags are merged, never replaced. A target EventBridge refuses is a <see cref="ProvisioningException"/>.
/// </summary>
public sealed class RuleDriver(EventBridgeClient events) : IResourceDriver<RuleSpec, RuleState>
{
    private const string Enabled = "ENABLED";

    public string Type => ResourceTypes.Rule;

    public string? ArnOf(RuleState state) => state.Arn;

    public async Task DeleteAsync(RuleState actual, CancellationToken cancellationToken)
    {
        try
        {
            // A rule with targets cannot be deleted: remove every target of this (pipectl's own) rule first, as the
            // read listed them (the whole list, the stack's target and any other).
            try
            {
                await RemoveTargetsAsync(actual.Name, actual.Targets.Select(t => t.Id), cancellationToken).ConfigureAwait(false);
                await events.DeleteRuleAsync(actual.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsDeleteConflictException)
            {
                // A target was added after the read: list them again.
                var targets = await events.ListAllTargetsByRuleAsync(actual.Name, cancellationToken).ConfigureAwait(false);
                await RemoveTargetsAsync(actual.Name, targets.Select(t => t.Id), cancellationToken).ConfigureAwait(false);
                await events.DeleteRuleAsync(actual.Name, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AwsResourceNotFoundException)
        {
            // Already gone: an earlier teardown got this far.
        }
    }

    /// <summary>RemoveTargets takes at most 100 ids a call.</summary>
    private const int RemoveTargetsBatch = 100;

    private async Task RemoveTargetsAsync(string rule, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var batch in ids.Chunk(RemoveTargetsBatch))
        {
            var reply = await events.RemoveTargetsAsync(rule, batch, cancellationToken).ConfigureAwait(false);
            if (reply.FailedEntryCount is > 0)
            {
                throw new ProvisioningException($"EventBridge rule {rule}: {reply.FailedEntryCount} target(s) could not be removed.");
            }
        }
    }

    /// <summary>Its reads name the rule (the tags' ARN comes from DescribeRule's reply): they may start before the account is known.</summary>
    public bool ReadsByName => true;

    public async Task<RuleState?> ReadAsync(RuleSpec desired, CancellationToken cancellationToken)
    {
        if (await DescribeOrNullAsync(desired.Name, cancellationToken).ConfigureAwait(false) is not { } rule)
        {
            return null;
        }

        return await StateAsync(desired.Name, rule, events.ListAllTargetsByRuleAsync(desired.Name, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rule DescribeRule found, with its tags (read now, by its ARN) and its targets (being listed).</summary>
    private async Task<RuleState> StateAsync(string name, DescribeRuleReply rule, Task<IReadOnlyList<AwsTarget>> targets, CancellationToken cancellationToken)
    {
        var arn = ArnOf(name, rule);
        var tags = events.ListTagsForResourceAsync(arn, cancellationToken);
        await Task.WhenAll(targets, tags).ConfigureAwait(false);
        return new RuleState(
            rule.Name ?? name,
            arn,
            rule.EventPattern,
            rule.State == Enabled,
            (await targets.ConfigureAwait(false)).Select(t => new CoreTarget(t.Id, t.Arn, t.RoleArn)).ToList(),
            ToDictionary((await tags.ConfigureAwait(false)).Tags));
    }

    /// <summary>
    /// Teardown needs the rule's tags (by the ARN DescribeRule gives) and its targets, which must go before it.
    /// The targets are listed by name alongside DescribeRule: the deletion then starts by removing them.
    /// </summary>
    public async Task<RuleState?> ReadToDeleteAsync(RuleSpec desired, CancellationToken cancellationToken)
    {
        var describe = DescribeOrNullAsync(desired.Name, cancellationToken);
        var targets = TargetsOrEmptyAsync(desired.Name, cancellationToken);
        if (await describe.ConfigureAwait(false) is not { } rule)
        {
            await targets.ConfigureAwait(false);
            return null;
        }

        return await StateAsync(desired.Name, rule, targets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rule's targets; none when the rule is not there (DescribeRule, asked at the same time, says so).</summary>
    private async Task<IReadOnlyList<AwsTarget>> TargetsOrEmptyAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await events.ListAllTargetsByRuleAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return [];
        }
    }

    public async Task<RuleState> CreateAsync(RuleSpec desired, CancellationToken cancellationToken)
    {
        var reply = await PutRuleAsync(desired, withTags: true, cancellationToken).ConfigureAwait(false);
        var arn = reply.RuleArn is { Length: > 0 } known
            ? known
            : throw new ProvisioningException($"PutRule returned no ARN for EventBridge rule {desired.Name}.");
        await PutTargetAsync(desired, cancellationToken).ConfigureAwait(false);
        return new RuleState(desired.Name, arn, desired.EventPattern, true, [desired.Target], new Dictionary<string, string>(desired.Tags));
    }

    public async Task<RuleState> UpdateAsync(RuleSpec desired, RuleState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        var patternDiffers = actual.EventPattern is null || !EventPatternComparer.AreEquivalent(actual.EventPattern, desired.EventPattern);
        if (patternDiffers || !actual.Enabled)
        {
            // PutRule rewrites the rule's pattern, state and description; its tags are left as they are.
            work.Add(PutRuleAsync(desired, withTags: false, cancellationToken));
        }

        var ours = actual.Targets.FirstOrDefault(t => t.Id == desired.Target.Id);
        if (ours is null || ours.Arn != desired.Target.Arn || ours.RoleArn != desired.Target.RoleArn)
        {
            work.Add(PutTargetAsync(desired, cancellationToken));
        }

        var missingTags = desired.Tags.Where(t => !actual.Tags.TryGetValue(t.Key, out var v) || v != t.Value).ToList();
        if (missingTags.Count > 0)
        {
            work.Add(events.TagResourceAsync(actual.Arn, missingTags.Select(t => new EventBridgeTag(t.Key, t.Value)).ToList(), cancellationToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        var merged = new Dictionary<string, string>(actual.Tags);
        foreach (var (key, value) in missingTags)
        {
            merged[key] = value;
        }

        return actual with
        {
            EventPattern = desired.EventPattern,
            Enabled = true,
            Targets = [.. actual.Targets.Where(t => t.Id != desired.Target.Id), desired.Target],
            Tags = merged,
        };
    }

    private Task<PutRuleReply> PutRuleAsync(RuleSpec desired, bool withTags, CancellationToken cancellationToken) =>
        events.PutRuleAsync(
            new PutRuleRequest(
                desired.Name,
                desired.EventPattern,
                Enabled,
                desired.Description,
                Tags: withTags && desired.Tags.Count > 0 ? desired.Tags.Select(t => new EventBridgeTag(t.Key, t.Value)).ToList() : null),
            cancellationToken);

    private async Task PutTargetAsync(RuleSpec desired, CancellationToken cancellationToken)
    {
        var target = desired.Target;
        var reply = await events.PutTargetsAsync(desired.Name, [new AwsTarget(target.Id, target.Arn, target.RoleArn)], cancellationToken).ConfigureAwait(false);
        if (reply.FailedEntryCount is > 0)
        {
            var failed = reply.FailedEntries?.FirstOrDefault();
            var reason = failed is null ? "no reason given" : $"{failed.ErrorCode}: {failed.ErrorMessage}";
            throw new ProvisioningException($"EventBridge rule {desired.Name} refused its target {failed?.TargetId ?? target.Id} ({target.Arn}): {reason}");
        }
    }

    private async Task<DescribeRuleReply?> DescribeOrNullAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await events.DescribeRuleAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    private static string ArnOf(string name, DescribeRuleReply rule) =>
        rule.Arn is { Length: > 0 } known ? known : throw new ProvisioningException($"DescribeRule returned no ARN for EventBridge rule {name}.");

    private static Dictionary<string, string> ToDictionary(IReadOnlyList<EventBridgeTag>? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
