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
}
