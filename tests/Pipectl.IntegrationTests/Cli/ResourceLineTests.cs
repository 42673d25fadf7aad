using Pipectl.Cli.Output;
using Pipectl.Core.Provisioning;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>The text output's columns stay aligned whatever the kinds: the type column is as wide as the longest kind name.</summary>
public sealed class ResourceLineTests
{
    private static readonly TextStyle Plain = new(false);

    private static string Line(string type, string name, ResourceAction action = ResourceAction.WouldCreate) =>
        ResourceLine.Format(new ResourceOutcome(type, name, null, action), Plain).First();

    [Fact]
    public void Every_kind_puts_the_name_in_the_same_column()
    {
        var lines = ResourceTypes.All.Select(t => Line(t, "shop-thing")).ToList();

        var columns = lines.Select(l => l.IndexOf("shop-thing", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(columns.Count == 1, string.Join("\n", lines));
    }

    [Fact]
    public void The_longest_kinds_are_followed_by_a_space_before_the_name()
    {
        var longest = ResourceTypes.All.MaxBy(t => t.Length)!;

        Assert.Equal("AWS::CodeConnections::Connection", longest);
        Assert.Contains("AWS::CodeConnections::Connection shop-github", Line(longest, "shop-github"), StringComparison.Ordinal);
        Assert.Equal(Line(ResourceTypes.Bucket, "b").IndexOf(" b", StringComparison.Ordinal), Line(ResourceTypes.Distribution, "b").IndexOf(" b", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_printed_at_once_is_as_wide_as_its_own_longest_type()
    {
        var width = ResourceLine.TypeWidth([ResourceTypes.Role, ResourceTypes.Distribution]);

        Assert.Equal(ResourceTypes.Distribution.Length, width);
        Assert.Equal(ResourceLine.Column(ResourceTypes.Role, width).Length, ResourceLine.Column(ResourceTypes.Distribution, width).Length);
        Assert.Equal(ResourceTypes.Connection, ResourceLine.Column(ResourceTypes.Connection, width));
    }

    [Fact]
    public void Every_declared_kind_is_in_the_list_the_width_comes_from()
    {
        // The width is computed from ResourceTypes.All: a kind missing there could overflow the column.
        var declared = typeof(ResourceTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.Equal(declared.Order(StringComparer.Ordinal), ResourceTypes.All.Order(StringComparer.Ordinal));
    }
}
