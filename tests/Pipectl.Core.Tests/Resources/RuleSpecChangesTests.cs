using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Tests.Resources;

public sealed class RuleSpecChangesTests
{
    [Fact]
    public void Another_branch_shows_the_event_pattern_before_and_after_as_documents()
    {
        var rule = DesiredStack.From(TestStacks.Demo()).Rule;
        var old = DesiredStack.From(TestStacks.Demo() with { Branch = "develop" }).Rule;
        var actual = new RuleState(rule.Name, "arn", Uri.EscapeDataString(old.EventPattern), true, [rule.Target], rule.Tags);

        var change = Assert.Single(Differences.Of(rule.DifferencesFrom(actual)));

        Assert.Equal("event pattern", change.Attribute);
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Contains("develop", change.Before!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("main", change.After!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("%7B", change.Line, StringComparison.Ordinal);
    }
}
