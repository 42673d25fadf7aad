using Pipectl.Core.Naming;

namespace Pipectl.Core.Tests.Naming;

public sealed class StackNamesTests
{
    [Fact]
    public void For_follows_the_design_document()
    {
        var names = StackNames.For("shop", "ap-southeast-2", "210987654321");

        Assert.Equal(
            new StackNames(
                Repository: "shop",
                BuildProject: "shop-build",
                Pipeline: "shop-pipeline",
                Rule: "shop-trigger",
                BuildRole: "shop-codebuild-role",
                PipelineRole: "shop-codepipeline-role",
                DeployRole: "shop-deploy-role",
                EventsRole: "shop-events-role",
                ArtifactBucket: "shop-artifacts-210987654321-ap-southeast-2",
                SiteBucket: "shop-site-210987654321-ap-southeast-2",
                ApprovalTopic: "shop-approvals"),
            names);
    }

    [Fact]
    public void Unknown_account_uses_the_placeholder()
    {
        var names = StackNames.For("shop", "us-east-1", null);

        Assert.Equal("shop-artifacts-<account>-us-east-1", names.ArtifactBucket);
        Assert.Contains(StackNames.AccountPlaceholder, names.SiteBucket, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_log_group_is_under_aws_codebuild()
    {
        Assert.Equal("/aws/codebuild/shop-build", StackNames.BuildLogGroup("shop-build"));
    }

    [Fact]
    public void Site_index_function_names_over_64_characters_stay_apart_and_stable()
    {
        // Two stacks (or two environments, <name>-<env>) whose function names share their first 64 characters.
        var stem = new string('s', 60);
        var first = StackNames.SiteIndexFunction($"{stem}-staging", "ap-southeast-2");
        var second = StackNames.SiteIndexFunction($"{stem}-stagin2", "ap-southeast-2");

        Assert.Equal($"{stem}-staging-site-index-ap-southeast-2"[..64], $"{stem}-stagin2-site-index-ap-southeast-2"[..64]);
        Assert.NotEqual(first, second);
        Assert.All([first, second], name => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", name));
        Assert.Equal(64, first.Length);
        Assert.StartsWith(stem[..55] + "-", first, StringComparison.Ordinal);
        Assert.Equal(first, StackNames.SiteIndexFunction($"{stem}-staging", "ap-southeast-2"));
        Assert.NotEqual(first, StackNames.SiteIndexFunction($"{stem}-staging", "eu-west-1"));
    }

    [Fact]
    public void Site_index_function_names_within_64_characters_do_not_change()
    {
        var name = new string('a', 64 - "-site-index-us-east-1".Length);

        Assert.Equal($"{name}-site-index-us-east-1", StackNames.SiteIndexFunction(name, "us-east-1"));
        Assert.Equal("shop-site-index-us-east-1", StackNames.SiteIndexFunction("shop", "us-east-1"));
        Assert.Equal(64, StackNames.SiteIndexFunction(name + "b", "us-east-1").Length);
        Assert.NotEqual($"{name}b-site-index-us-east-1"[..64], StackNames.SiteIndexFunction(name + "b", "us-east-1"));
    }

    [Fact]
    public void The_name_a_stack_got_before_long_names_were_hashed_is_recognised_and_no_other()
    {
        var full = $"{new string('s', 50)}-staging-site-index-ap-southeast-2";
        var fitted = StackNames.SiteIndexFunction($"{new string('s', 50)}-staging", "ap-southeast-2");

        Assert.True(StackNames.IsEarlierSiteIndexFunction(full[..64], fitted));
        Assert.False(StackNames.IsEarlierSiteIndexFunction(fitted, fitted));
        Assert.False(StackNames.IsEarlierSiteIndexFunction(full[..63], fitted));
        Assert.False(StackNames.IsEarlierSiteIndexFunction("x" + full[1..64], fitted));
        Assert.False(StackNames.IsEarlierSiteIndexFunction("shop-site-index-us-east-1", "shop-site-index-us-east-1"));
        Assert.False(StackNames.IsEarlierSiteIndexFunction(new string('a', 64), new string('a', 63) + "b"));
    }

    [Fact]
    public void Bounded_names_keep_short_names_and_fit_long_ones_to_the_limit()
    {
        Assert.Equal("abc", BoundedName.Fit("abc", 10));
        Assert.Equal(10, BoundedName.Fit("abcdefghijk", 10).Length);
        Assert.NotEqual(BoundedName.Fit("abcdefghijk", 10), BoundedName.Fit("abcdefghijl", 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => BoundedName.Fit("abc", 9));
    }
}
