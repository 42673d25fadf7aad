using Pipectl.Core.Naming;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Tests.Buildspecs;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.StackFiles;

public sealed class StackFileSpecsTests
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";

    private static StackFile Parse(string text)
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", text);
        Assert.Empty(errors);
        return file!;
    }

    private static StackFile MultiEnv => Parse(RepositoryFiles.Read("samples/multi-env/pipectl.yaml"));

    [Fact]
    public void Each_environment_gets_its_own_cloudfront_index_function_which_the_record_and_tag_discovery_keep()
    {
        var specs = MultiEnv.ToSpecs(Region, Account);

        // CloudFront Function names are unique in the account: one per environment's distribution.
        Assert.Equal(["shop-staging-site-index-us-east-1", "shop-production-site-index-us-east-1"], specs.Select(s => s.Spec.SiteIndexFunctionName));
        var recorded = RecordedSpec.Of(specs[0].Spec);
        Assert.Equal("shop-staging-site-index-us-east-1", recorded.ToSpec(Region, Account).SiteIndexFunctionName);
        Assert.Equal("shop-staging-site-index-us-east-1", Pipectl.Core.Orchestration.FoundStack.ForEnvironment(specs[1].Spec, "staging").Spec.SiteIndexFunctionName);

        // A single stack keeps the name it always had, and its record does not spell it out.
        var single = StackSpec.FromStackName("shop", Region, Account);
        Assert.Equal("shop-site-index-us-east-1", single.SiteIndexFunctionName);
        Assert.Null(RecordedSpec.Of(single).SiteIndexFunctionName);
        Assert.Equal("shop-site-index-us-east-1", RecordedSpec.Of(single).ToSpec(Region, Account).SiteIndexFunctionName);
    }

    [Fact]
    public void Each_environment_gets_its_own_pipeline_trigger_roles_site_bucket_and_topic()
    {
        var specs = MultiEnv.ToSpecs(Region, Account);

        Assert.Equal(["staging", "production"], specs.Select(s => s.Environment));
        var staging = specs[0].Spec;
        Assert.Equal("shop-staging-pipeline", staging.PipelineName);
        Assert.Equal("shop-staging-trigger", staging.RuleName);
        Assert.Equal($"shop-staging-site-{Account}-{Region}", staging.SiteBucketName);
        Assert.Equal("shop-staging-codepipeline-role", staging.PipelineRoleName);
        Assert.Equal("shop-staging-deploy-role", staging.DeployRoleName);
        Assert.Equal("shop-staging-events-role", staging.EventsRoleName);
        Assert.Equal("shop-staging-approvals", staging.ApprovalTopicName);
        var production = specs[1].Spec;
        Assert.Equal("shop-production-pipeline", production.PipelineName);
        Assert.Equal("shop-production-trigger", production.RuleName);
        Assert.Equal($"shop-production-site-{Account}-{Region}", production.SiteBucketName);
        Assert.Equal("shop-production-codepipeline-role", production.PipelineRoleName);
        Assert.Equal("shop-production-approvals", production.ApprovalTopicName);
    }

    [Fact]
    public void The_environments_share_only_the_repository()
    {
        var specs = MultiEnv.ToSpecs(Region, Account).ToList();

        foreach (var (environment, spec) in specs)
        {
            Assert.Equal("shop", spec.StackName);
            Assert.Equal("shop", spec.RepositoryName);
            Assert.Equal($"shop-{environment}-artifacts-{Account}-{Region}", spec.ArtifactBucketName);
            Assert.Equal($"shop-{environment}-build", spec.BuildProjectName);
            Assert.Equal($"shop-{environment}-codebuild-role", spec.BuildRoleName);
            Assert.Equal("The Shop", spec.EnvironmentVariables["SITE_TITLE"].Value);
            Assert.Equal(PipelineTypes.V2, spec.PipelineType);
        }
    }

    [Fact]
    public void Staging_builds_develop_without_approval_and_production_builds_main_behind_one()
    {
        var specs = MultiEnv.ToSpecs(Region, Account);

        Assert.Equal("develop", specs[0].Spec.Branch);
        Assert.False(specs[0].Spec.HasApprovalStage);
        Assert.Equal("main", specs[1].Spec.Branch);
        Assert.True(specs[1].Spec.HasApprovalStage);
        Assert.Equal("releases@example.com", specs[1].Spec.ApprovalEmail);
    }

    [Fact]
    public void Every_environment_spec_of_the_sample_passes_the_stack_validator()
    {
        foreach (var (_, spec) in MultiEnv.ToSpecs(Region, Account))
        {
            Assert.Empty(new StackSpecValidator().Validate(spec));
        }
    }

    [Fact]
    public void Without_environments_the_file_is_one_stack_with_the_default_names()
    {
        var spec = Assert.Single(Parse("name: demo\n").ToSpecs(Region, Account));

        Assert.Null(spec.Environment);
        Assert.Equal(StackSpec.FromStackName("demo", Region, Account), spec.Spec);
    }

    [Fact]
    public void File_values_replace_the_defaults()
    {
        var file = Parse("""
            name: demo
            repository:
              name: demo-src
              description: Sources
              branch: trunk
            build:
              image: img
              computeType: BUILD_GENERAL1_LARGE
              sourceType: CODEPIPELINE
              buildspecInline: |
                version: 0.2
                phases:
                  build:
                    commands:
                      - make
            buckets:
              artifacts: my-artifacts
              site: my-site
              privateSite: true
            approval:
              enabled: true
            pipeline:
              type: V1
            """);

        var spec = file.ToSpec(null, Region, Account).Spec;

        Assert.Equal("demo-src", spec.RepositoryName);
        Assert.Equal("Sources", spec.RepositoryDescription);
        Assert.Equal("trunk", spec.Branch);
        Assert.Equal("img", spec.BuildImage);
        Assert.Equal("BUILD_GENERAL1_LARGE", spec.ComputeType);
        Assert.Equal("CODEPIPELINE", spec.SourceType);
        Assert.StartsWith("version: 0.2", spec.BuildspecContent, StringComparison.Ordinal);
        Assert.Equal("my-artifacts", spec.ArtifactBucketName);
        Assert.Equal("my-site", spec.SiteBucketName);
        Assert.True(spec.PrivateSite);
        Assert.True(spec.Approval);
        Assert.Null(spec.ApprovalEmail);
        Assert.Equal("V1", spec.PipelineType);
        Assert.Equal("demo-pipeline", spec.PipelineName);
    }

    [Fact]
    public void An_environment_inherits_the_top_level_values_it_does_not_set()
    {
        var file = Parse("""
            name: demo
            repository:
              branch: trunk
            buckets:
              privateSite: true
            approval:
              email: ops@example.com
            environments:
              qa: {}
              live:
                branch: release
                pipelineName: live-pipe
                siteBucket: live-site-bucket
                privateSite: false
                approval:
                  enabled: false
            """);

        var specs = file.ToSpecs(Region, Account);

        var qa = specs[0].Spec;
        Assert.Equal("trunk", qa.Branch);
        Assert.True(qa.PrivateSite);
        Assert.Equal("ops@example.com", qa.ApprovalEmail);
        var live = specs[1].Spec;
        Assert.Equal("release", live.Branch);
        Assert.Equal("live-pipe", live.PipelineName);
        Assert.Equal("live-site-bucket", live.SiteBucketName);
        Assert.False(live.PrivateSite);
        Assert.False(live.HasApprovalStage);
    }

    [Fact]
    public void Command_line_values_win_over_the_file()
    {
        var overrides = new StackOverrides
        {
            Names = new StackNameOverrides { PipelineName = "cli-pipeline", ArtifactBucketName = "cli-artifacts" },
            Branch = "hotfix",
            BuildImage = "cli-image",
            Approval = true,
            ApprovalEmail = "cli@example.com",
            PipelineType = PipelineTypes.V1,
            PrivateSite = true,
            EnvironmentVariables = new Dictionary<string, BuildVariable> { ["SITE_TITLE"] = new("From the CLI"), ["EXTRA"] = new("1") },
        };

        var spec = MultiEnv.ToSpec("staging", Region, Account, overrides).Spec;

        Assert.Equal("cli-pipeline", spec.PipelineName);
        Assert.Equal("cli-artifacts", spec.ArtifactBucketName);
        Assert.Equal("hotfix", spec.Branch);
        Assert.Equal("cli-image", spec.BuildImage);
        Assert.True(spec.Approval);
        Assert.Equal("cli@example.com", spec.ApprovalEmail);
        Assert.Equal(PipelineTypes.V1, spec.PipelineType);
        Assert.True(spec.PrivateSite);
        Assert.Equal("From the CLI", spec.EnvironmentVariables["SITE_TITLE"].Value);
        Assert.Equal("1", spec.EnvironmentVariables["EXTRA"].Value);
        Assert.Equal("shop-staging-trigger", spec.RuleName);
    }

    [Fact]
    public void Command_line_values_left_null_keep_the_file_values()
    {
        var file = MultiEnv;

        var spec = file.ToSpec("production", Region, Account, new StackOverrides()).Spec;

        Assert.Equal(file.ToSpec("production", Region, Account).Spec, spec);
        Assert.Equal("main", spec.Branch);
        Assert.Equal("releases@example.com", spec.ApprovalEmail);
    }

    [Fact]
    public void ToSpec_picks_one_environment_by_name()
    {
        var picked = MultiEnv.ToSpec("production", Region, Account);

        Assert.Equal("production", picked.Environment);
        Assert.Equal("shop-production-pipeline", picked.Spec.PipelineName);
    }

    [Fact]
    public void ToSpec_names_the_environments_when_the_one_asked_for_is_missing()
    {
        var error = Assert.Throws<StackSelectionException>(() => MultiEnv.ToSpec("qa", Region, Account));

        Assert.Equal(StackSelectionError.UnknownEnvironment, error.Error);

        Assert.Contains("no environment 'qa'", error.Message, StringComparison.Ordinal);
        Assert.Contains("staging, production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSpec_without_an_environment_on_a_multi_environment_file_asks_for_one()
    {
        var error = Assert.Throws<StackSelectionException>(() => MultiEnv.ToSpec(null, Region, Account));

        Assert.Equal(StackSelectionError.EnvironmentRequired, error.Error);

        Assert.Contains("--env", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_account_puts_the_placeholder_in_environment_bucket_names()
    {
        var spec = MultiEnv.ToSpec("staging", Region, null).Spec;

        Assert.Equal($"shop-staging-site-{StackNames.AccountPlaceholder}-{Region}", spec.SiteBucketName);
        Assert.Equal($"shop-staging-artifacts-{StackNames.AccountPlaceholder}-{Region}", spec.ArtifactBucketName);
    }

    [Fact]
    public void Repository_existing_asks_every_environment_to_use_the_repository_as_it_is()
    {
        var file = Parse("name: shop\nrepository:\n  existing: true\nenvironments:\n  staging:\n    branch: develop\n  production:\n    branch: main\n");

        Assert.All(file.ToSpecs(Region, Account), s => Assert.True(s.Spec.ExistingRepository));
        Assert.False(MultiEnv.ToSpecs(Region, Account)[0].Spec.ExistingRepository);
    }

    [Fact]
    public void StackSpec_has_no_environment_variables_by_default()
    {
        Assert.Empty(StackSpec.FromStackName("demo", Region, Account).EnvironmentVariables);
    }
}
