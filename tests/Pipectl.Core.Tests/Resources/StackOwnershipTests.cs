using Pipectl.Core.Resources;

namespace Pipectl.Core.Tests.Resources;

/// <summary>Ownership is both tags of the create call: the stack and the region it runs in.</summary>
public sealed class StackOwnershipTests
{
    private static RoleState Role(IReadOnlyDictionary<string, string> tags) => new("demo-codebuild-role", "arn", "{}", new Dictionary<string, string>(), tags);

    [Fact]
    public void A_resource_is_the_stacks_own_only_with_both_tags_of_that_stack_and_region()
    {
        var own = Role(StackOwnership.TagsFor("demo", "us-east-1"));

        Assert.True(StackOwnership.IsOwnedBy(own, "demo", "us-east-1"));
        Assert.False(StackOwnership.IsOwnedBy(own, "demo", "us-west-2"));
        Assert.False(StackOwnership.IsOwnedBy(own, "other", "us-east-1"));
        Assert.False(StackOwnership.IsOwnedBy(Role(new Dictionary<string, string> { ["pipectl:stack"] = "demo" }), "demo", "us-east-1"));
        Assert.False(StackOwnership.IsOwnedBy(Role(new Dictionary<string, string>()), "demo", "us-east-1"));
        Assert.False(StackOwnership.IsOwnedBy(new object(), "demo", "us-east-1"));
    }

    [Fact]
    public void The_same_stack_in_another_region_is_named_for_the_refusal()
    {
        var west = Role(StackOwnership.TagsFor("demo", "us-west-2"));

        Assert.Equal("us-west-2", StackOwnership.OtherRegionOf(west, "demo", "us-east-1"));
        Assert.Null(StackOwnership.OtherRegionOf(west, "demo", "us-west-2"));
        Assert.Null(StackOwnership.OtherRegionOf(west, "other", "us-east-1"));
    }

    [Fact]
    public void A_drivers_check_against_the_desired_tags_is_the_same_decision()
    {
        var tags = StackOwnership.TagsFor("demo", "eu-west-1");

        Assert.True(StackOwnership.IsOwnedBy(Role(tags), tags));
        Assert.False(StackOwnership.IsOwnedBy(Role(tags), StackOwnership.TagsFor("demo", "eu-west-2")));
        Assert.False(StackOwnership.IsOwnedBy(Role(tags), new Dictionary<string, string>()));
    }
}
