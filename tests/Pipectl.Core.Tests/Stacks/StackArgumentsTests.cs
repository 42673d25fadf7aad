using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Stacks;

/// <summary>The options a suggested command carries so that it names the stack as it was made.</summary>
public sealed class StackArgumentsTests
{
    private static StackSpec Plain => StackSpec.FromStackName("shop", "eu-west-1", "123456789012");

    [Fact]
    public void A_stack_of_defaults_is_its_name_alone()
    {
        Assert.Equal("--name shop", StackArguments.For(Plain));
    }

    [Fact]
    public void The_source_site_approval_and_changed_names_are_carried()
    {
        var spec = Plain with
        {
            Source = "github:octo/site",
            Site = SiteTypes.CloudFront,
            ApprovalEmail = "ops@example.com",
            Approval = true,
            PipelineName = "shop-release",
            Branch = "develop",
        };

        Assert.Equal(
            "--name shop --pipeline-name shop-release --branch develop --source github:octo/site --site cloudfront --approval-email ops@example.com",
            StackArguments.For(spec));
    }

    [Fact]
    public void An_ecs_deploy_carries_its_cluster_and_service()
    {
        var spec = Plain with { Deploy = DeployTargets.Ecs, Ecs = new EcsDeployment { Cluster = "main", Service = "web" } };

        Assert.Equal("--name shop --deploy ecs --ecs-cluster main --ecs-service web", StackArguments.For(spec));
    }

    [Fact]
    public void Switches_are_carried_without_a_value_and_approval_alone_when_there_is_no_address()
    {
        var spec = Plain with { PrivateSite = true, Approval = true, ExistingRepository = true };

        Assert.Equal("--name shop --existing-repo --private-site --approval", StackArguments.For(spec));
    }

    [Theory]
    [InlineData("plain-value_1.2", "plain-value_1.2")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Values_are_quoted_for_the_shell_only_when_they_need_it(string value, string quoted)
    {
        Assert.Equal(quoted, StackArguments.Quote(value));
    }
}
