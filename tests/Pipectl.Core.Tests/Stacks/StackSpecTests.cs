using Pipectl.Core.Naming;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Stacks;

public sealed class StackSpecTests
{
    [Fact]
    public void FromStackName_derives_every_name_and_applies_the_defaults()
    {
        var spec = StackSpec.FromStackName("demo", "us-east-1", "123456789012");

        Assert.Equal("demo", spec.RepositoryName);
        Assert.Equal("demo-build", spec.BuildProjectName);
        Assert.Equal("demo-pipeline", spec.PipelineName);
        Assert.Equal("demo-trigger", spec.RuleName);
        Assert.Equal("demo-codebuild-role", spec.BuildRoleName);
        Assert.Equal("demo-codepipeline-role", spec.PipelineRoleName);
        Assert.Equal("demo-deploy-role", spec.DeployRoleName);
        Assert.Equal("demo-events-role", spec.EventsRoleName);
        Assert.Equal("demo-artifacts-123456789012-us-east-1", spec.ArtifactBucketName);
        Assert.Equal("demo-site-123456789012-us-east-1", spec.SiteBucketName);
        Assert.Equal("demo-approvals", spec.ApprovalTopicName);
        Assert.Equal("main", spec.Branch);
        Assert.Equal("aws/codebuild/standard:7.0", spec.BuildImage);
        Assert.Equal("BUILD_GENERAL1_SMALL", spec.ComputeType);
        Assert.Equal("CODEPIPELINE", spec.SourceType);
        Assert.Equal("V2", spec.PipelineType);
        Assert.Null(spec.BuildspecContent);
        Assert.False(spec.HasApprovalStage);
        Assert.False(spec.PrivateSite);
        Assert.True(spec.IsAccountKnown);
    }

    [Fact]
    public void FromStackName_uses_each_override_and_keeps_the_other_derived_names()
    {
        var overrides = new StackNameOverrides
        {
            RepositoryName = "website",
            BuildProjectName = "website-ci",
            PipelineName = "p",
            RuleName = "r",
            BuildRoleName = "br",
            PipelineRoleName = "pr",
            DeployRoleName = "dr",
            EventsRoleName = "er",
            ArtifactBucketName = "my-artifacts",
            SiteBucketName = "my-site",
            ApprovalTopicName = "t",
        };

        var spec = StackSpec.FromStackName("demo", "eu-west-1", "123456789012", overrides);

        Assert.Equal(
            ["website", "website-ci", "p", "r", "br", "pr", "dr", "er", "my-artifacts", "my-site", "t"],
            new[]
            {
                spec.RepositoryName, spec.BuildProjectName, spec.PipelineName, spec.RuleName, spec.BuildRoleName,
                spec.PipelineRoleName, spec.DeployRoleName, spec.EventsRoleName, spec.ArtifactBucketName,
                spec.SiteBucketName, spec.ApprovalTopicName,
            });

        var partial = StackSpec.FromStackName("demo", "eu-west-1", "123456789012", new StackNameOverrides { SiteBucketName = "www.example.com" });
        Assert.Equal("www.example.com", partial.SiteBucketName);
        Assert.Equal("demo-artifacts-123456789012-eu-west-1", partial.ArtifactBucketName);
        Assert.Equal("demo-build", partial.BuildProjectName);
    }

    [Fact]
    public void Unknown_account_puts_a_visible_placeholder_in_bucket_names_only()
    {
        var spec = StackSpec.FromStackName("demo", "us-east-1", accountId: null);

        Assert.False(spec.IsAccountKnown);
        Assert.Equal("demo-artifacts-<account>-us-east-1", spec.ArtifactBucketName);
        Assert.Equal("demo-site-<account>-us-east-1", spec.SiteBucketName);
        Assert.Equal("demo-pipeline", spec.PipelineName);
    }

    [Fact]
    public void An_approval_email_implies_an_approval_stage_and_a_topic()
    {
        var spec = TestStacks.Demo();

        Assert.False(spec.HasApprovalStage);
        Assert.True((spec with { Approval = true }).HasApprovalStage);
        Assert.False((spec with { Approval = true }).HasApprovalTopic);
        var mailed = spec with { ApprovalEmail = "ops@example.com" };
        Assert.True(mailed.HasApprovalStage);
        Assert.True(mailed.HasApprovalTopic);
    }

    [Fact]
    public void Stack_tag_key_is_pipectl_stack()
    {
        Assert.Equal("pipectl:stack", StackDefaults.StackTagKey);
    }
}
