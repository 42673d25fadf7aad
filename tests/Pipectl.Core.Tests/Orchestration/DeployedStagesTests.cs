using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Orchestration;

/// <summary>
/// A teardown given only --name learns the optional stages from the deployed pipeline: the Test stage (with its input
/// and the buildspec whose reports name the groups) and a CloudFront site's Invalidate stage, but only where the
/// action runs the stack's own project.
/// </summary>
public sealed class DeployedStagesTests
{
    private const string Tests = "version: 0.2\nphases:\n  build:\n    commands: [npm test]\nreports:\n  unit:\n    files: ['junit.xml']\n";

    [Fact]
    public void A_deployed_test_stage_completes_a_spec_without_one_with_its_input_and_report_groups()
    {
        var deployed = PipelineDeclarationFactory.Create(TestStacks.Demo() with { Test = new TestStage(Tests, TestInputs.Source) });
        var bare = TestStacks.Demo();

        var stages = DeployedStages.Of(bare, deployed) with { TestBuildspec = Tests };
        var completed = stages.ApplyTo(bare);

        Assert.Equal((false, TestInputs.Source), (stages.CloudFrontSite, stages.TestInput));
        Assert.Equal(TestInputs.Source, completed.Test!.Input);
        Assert.Equal(["unit"], completed.Test.Reports.Select(r => r.Name));
        Assert.Equal("demo-test-unit", completed.ReportGroupName("unit"));
    }

    [Fact]
    public void A_deployed_invalidate_stage_makes_the_site_cloudfront()
    {
        var deployed = PipelineDeclarationFactory.Create(TestStacks.Demo() with { Site = SiteTypes.CloudFront });

        var completed = DeployedStages.Of(TestStacks.Demo(), deployed).ApplyTo(TestStacks.Demo());

        Assert.True(completed.IsCloudFrontSite);
        Assert.False(completed.HasTestStage);
    }

    private static StackRecord Record(params (string Environment, StackSpec Spec)[] settings) => new()
    {
        Stack = "demo",
        Region = "us-east-1",
        Environments = settings.Take(1).ToDictionary(s => s.Environment, s => RecordedSpec.Of(s.Spec), StringComparer.Ordinal),
        Pending = [.. settings.Skip(1).Select(s => new RecordedEnvironment(s.Environment, RecordedSpec.Of(s.Spec)))],
    };

    [Fact]
    public void A_record_that_had_a_cloudfront_site_makes_the_site_cloudfront_when_the_pipeline_is_gone()
    {
        var bare = TestStacks.Demo();
        var cloudFront = bare with { Site = SiteTypes.CloudFront };

        // Current settings, or pending ones (a stack file that dropped the site, not yet pruned).
        Assert.True(DeployedStages.None.WithRecorded(Record((StackRecord.SingleStack, cloudFront)), null, bare).ApplyTo(bare).IsCloudFrontSite);
        Assert.True(DeployedStages.None.WithRecorded(Record((StackRecord.SingleStack, bare), (StackRecord.SingleStack, cloudFront)), null, bare).ApplyTo(bare).IsCloudFrontSite);
        Assert.True(DeployedStages.None.WithRecorded(Record(("prod", cloudFront)), "prod", bare).CloudFrontSite);
    }

    [Fact]
    public void A_record_without_a_cloudfront_site_of_that_environment_and_bucket_adds_nothing()
    {
        var bare = TestStacks.Demo();
        var cloudFront = bare with { Site = SiteTypes.CloudFront };

        Assert.Equal(DeployedStages.None, DeployedStages.None.WithRecorded(null, null, bare));
        Assert.Equal(DeployedStages.None, DeployedStages.None.WithRecorded(Record((StackRecord.SingleStack, bare)), null, bare));
        Assert.Equal(DeployedStages.None, DeployedStages.None.WithRecorded(Record(("staging", cloudFront)), "prod", bare));
        Assert.Equal(DeployedStages.None, DeployedStages.None.WithRecorded(Record((StackRecord.SingleStack, cloudFront with { SiteBucketName = "another-site" })), null, bare));
    }

    [Fact]
    public void Recorded_cloudfront_environments_the_teardown_did_not_find_are_added_named_as_a_stack_file_names_them()
    {
        var bare = TestStacks.Demo();
        var cloudFront = bare with { Site = SiteTypes.CloudFront };
        var given = new List<EnvironmentStackSpec> { new("staging", bare) };

        var added = DeployedStages.RecordedCloudFrontEnvironments(Record(("staging", cloudFront), ("prod", cloudFront), ("dev", bare)), given);

        var prod = Assert.Single(added);
        Assert.Equal("prod", prod.Environment);
        Assert.Equal(Pipectl.Core.Orchestration.FoundStack.ForEnvironment(bare, "prod").Spec.SiteBucketName, prod.Spec.SiteBucketName);
        Assert.Empty(DeployedStages.RecordedCloudFrontEnvironments(null, given));
    }

    [Fact]
    public void A_pipeline_without_optional_stages_or_whose_test_action_runs_another_project_adds_nothing()
    {
        var plain = PipelineDeclarationFactory.Create(TestStacks.Demo());
        var foreign = PipelineDeclarationFactory.Create(TestStacks.Demo() with { Test = new TestStage(Tests), TestProjectName = "someone-elses-tests" });

        Assert.Equal(DeployedStages.None, DeployedStages.Of(TestStacks.Demo(), plain));
        Assert.Equal(DeployedStages.None, DeployedStages.Of(TestStacks.Demo(), foreign));
        Assert.False(DeployedStages.None.ApplyTo(TestStacks.Demo()).HasTestStage);
    }

    [Fact]
    public void A_spec_that_already_names_the_test_stage_keeps_its_own()
    {
        var own = TestStacks.Demo() with { Test = new TestStage(Tests, TestInputs.Build) };
        var deployed = PipelineDeclarationFactory.Create(own with { Test = new TestStage(Tests, TestInputs.Source) });

        Assert.Null(DeployedStages.Of(own, deployed).TestInput);
    }
}
