using Pipectl.Core.Pipelines;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>The EventBridge rule that starts the pipeline on a push to the branch, and its one target.</summary>
public sealed record RuleSpec(string Name, string Description, string EventPattern, RuleTarget Target, IReadOnlyDictionary<string, string> Tags) : IDesiredState<RuleState>
{
    public IReadOnlyList<string> DifferencesFrom(RuleState actual)
    {
        var differences = new Differences()
            .CompareDocument("event pattern", actual.EventPattern, EventPattern, actual.EventPattern is not null && EventPatternComparer.AreEquivalent(actual.EventPattern, EventPattern))
            .Compare("state", actual.Enabled ? "ENABLED" : "DISABLED", "ENABLED");
        var target = actual.Targets.FirstOrDefault(t => t.Id == Target.Id);
        if (target is null)
        {
            differences.Add($"target {Target.Id}: missing");
        }
        else
        {
            differences.Compare($"target {Target.Id} arn", target.Arn, Target.Arn).Compare($"target {Target.Id} role", target.RoleArn, Target.RoleArn);
        }

        return differences.CompareTags(actual.Tags, Tags);
    }
}
