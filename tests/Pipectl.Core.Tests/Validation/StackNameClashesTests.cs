using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Validation;

/// <summary>Every name a stack uses is distinct, across environments too; shared resources are not clashes.</summary>
public sealed class StackNameClashesTests
{
    private static IReadOnlyList<ValidationError> Find(params StackSpec[] specs) =>
        StackNameClashes.Find(specs.Select(s => new EnvironmentStackSpec(null, s)).ToList());

    [Fact]
    public void The_default_names_of_a_stack_and_of_a_two_environment_file_do_not_clash()
    {
        var file = StackFileParser.Parse("pipectl.yaml", "name: shop\nenvironments:\n  staging:\n    branch: develop\n  production:\n    branch: main\n").File!;

        Assert.Empty(Find(TestStacks.Demo()));
        Assert.Empty(StackNameClashes.Find(file.ToSpecs("us-east-1", TestStacks.Account)));
    }

    [Fact]
    public void The_artifact_bucket_as_site_bucket_is_a_clash()
    {
        var error = Assert.Single(Find(TestStacks.Demo() with { ArtifactBucketName = "shared-x", SiteBucketName = "shared-x" }));

        Assert.Equal(StackOptionNames.SiteBucketName, error.Field);
        Assert.Contains("artifact bucket", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_roles_with_one_name_clash_even_in_another_case()
    {
        var error = Assert.Single(Find(TestStacks.Demo() with { BuildRoleName = "ci-role", PipelineRoleName = "CI-Role" }));

        Assert.Contains("IAM role", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void One_pipeline_name_or_site_bucket_in_two_environments_is_a_clash()
    {
        var file = StackFileParser.Parse("pipectl.yaml", """
            name: shop
            environments:
              staging:
                branch: develop
                pipelineName: shop-pipe
                siteBucket: shop-site-x
              production:
                branch: main
                pipelineName: shop-pipe
                siteBucket: shop-site-x
            """).File!;

        var errors = StackNameClashes.Find(file.ToSpecs("us-east-1", TestStacks.Account));

        Assert.Equal([StackOptionNames.SiteBucketName, StackOptionNames.PipelineName], errors.Select(e => e.Field).Order(StringComparer.Ordinal).Reverse());
        Assert.All(errors, e => Assert.Contains("staging and production", e.Rule, StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_name_option_with_a_multi_environment_file_gives_every_environment_one_role()
    {
        var file = StackFileParser.Parse("pipectl.yaml", "name: shop\nenvironments:\n  staging:\n    branch: develop\n  production:\n    branch: main\n").File!;
        var overrides = new StackOverrides { Names = new Pipectl.Core.Naming.StackNameOverrides { PipelineRoleName = "one-role" } };

        var error = Assert.Single(new StackSpecValidator().ValidateAll(file.ToSpecs("us-east-1", TestStacks.Account, overrides)));

        Assert.Equal(StackOptionNames.PipelineRoleName, error.Field);
        Assert.Contains("share one pipeline role", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Environments_keep_their_own_artifact_bucket_build_project_and_build_role()
    {
        var file = StackFileParser.Parse("pipectl.yaml", "name: shop\nenvironments:\n  staging:\n    branch: develop\n  production:\n    branch: main\n").File!;
        var overrides = new StackOverrides
        {
            Names = new Pipectl.Core.Naming.StackNameOverrides { BuildProjectName = "one-build", BuildRoleName = "one-build-role", ArtifactBucketName = "one-artifacts-bucket" },
        };

        var errors = new StackSpecValidator().ValidateAll(file.ToSpecs("us-east-1", TestStacks.Account, overrides));

        Assert.Equal(
            [StackOptionNames.ArtifactBucketName, StackOptionNames.BuildProjectName, StackOptionNames.BuildRoleName],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
