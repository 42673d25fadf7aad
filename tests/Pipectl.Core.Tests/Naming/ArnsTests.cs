using Pipectl.Core.Naming;

namespace Pipectl.Core.Tests.Naming;

public sealed class ArnsTests
{
    private readonly Arns arns = new("us-east-1", "123456789012");

    [Fact]
    public void Every_arn_has_its_service_format()
    {
        Assert.Equal("arn:aws:iam::123456789012:role/r", arns.Role("r"));
        Assert.Equal("arn:aws:codecommit:us-east-1:123456789012:repo", arns.Repository("repo"));
        Assert.Equal("arn:aws:codebuild:us-east-1:123456789012:project/p", arns.BuildProject("p"));
        Assert.Equal("arn:aws:codepipeline:us-east-1:123456789012:pl", arns.Pipeline("pl"));
        Assert.Equal("arn:aws:s3:::b", arns.Bucket("b"));
        Assert.Equal("arn:aws:s3:::b/*", arns.BucketObjects("b"));
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:t", arns.Topic("t"));
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/p", arns.BuildLogGroup("p"));
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/p:*", arns.BuildLogStreams("p"));
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/r", arns.Rule("r"));
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("eu-central-2", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("us-iso-east-1", "aws-iso")]
    [InlineData("us-isob-east-1", "aws-iso-b")]
    [InlineData("eu-isoe-west-1", "aws-iso-e")]
    public void Partition_follows_the_region(string region, string partition)
    {
        Assert.Equal(partition, AwsPartition.ForRegion(region));
        Assert.StartsWith($"arn:{partition}:s3:::", new Arns(region, "123456789012").Bucket("b"), StringComparison.Ordinal);
    }

    [Fact]
    public void China_and_govcloud_arns_use_their_partition()
    {
        Assert.Equal("arn:aws-cn:iam::123456789012:role/r", new Arns("cn-north-1", "123456789012").Role("r"));
        Assert.Equal(
            "arn:aws-us-gov:codepipeline:us-gov-west-1:123456789012:pl",
            new Arns("us-gov-west-1", "123456789012").Pipeline("pl"));
    }

    [Fact]
    public void Unknown_account_shows_the_placeholder()
    {
        Assert.Equal("arn:aws:iam::<account>:role/r", new Arns("us-east-1", null).Role("r"));
    }

    [Fact]
    public void StackArns_are_those_of_the_spec_names()
    {
        var spec = TestStacks.Demo() with { PipelineName = "custom" };

        var stack = StackArns.For(spec);

        Assert.Equal("arn:aws:codepipeline:us-east-1:123456789012:custom", stack.Pipeline);
        Assert.Equal("arn:aws:iam::123456789012:role/demo-deploy-role", stack.DeployRole);
        Assert.Equal("arn:aws:s3:::demo-site-123456789012-us-east-1/*", stack.SiteObjects);
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:demo-approvals", stack.ApprovalTopic);
        Assert.Equal("arn:aws:codecommit:us-east-1:123456789012:demo", stack.Repository);
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/demo-trigger", stack.Rule);
    }
}
