using Pipectl.Core.Orchestration;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Validation;

/// <summary>The compute type / image / privileged pairs CodeBuild refuses are caught before anything is sent.</summary>
public sealed class BuildEnvironmentRulesTests
{
    private const string LambdaImage = "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20";

    private static IReadOnlyList<ValidationError> Validate(StackSpec spec) => new StackSpecValidator().Validate(spec);

    [Theory]
    [InlineData("BUILD_GENERAL1_SMALL", "aws/codebuild/standard:7.0", "LINUX_CONTAINER")]
    [InlineData("BUILD_GENERAL1_LARGE", "aws/codebuild/amazonlinux-aarch64-standard:3.0", "ARM_CONTAINER")]
    [InlineData("BUILD_LAMBDA_1GB", LambdaImage, "LINUX_LAMBDA_CONTAINER")]
    [InlineData("BUILD_LAMBDA_2GB", "aws/codebuild/amazonlinux-aarch64-lambda-standard:python3.12", "ARM_LAMBDA_CONTAINER")]
    [InlineData("BUILD_GENERAL1_MEDIUM", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/tools:arm64", "ARM_CONTAINER")]
    public void The_project_environment_type_follows_the_compute_type_and_image(string computeType, string image, string environmentType)
    {
        var project = DesiredStack.From(TestStacks.Demo() with { ComputeType = computeType, BuildImage = image }).BuildProject;

        Assert.Equal(environmentType, project.EnvironmentType);
        Assert.Empty(Validate(TestStacks.Demo() with { ComputeType = computeType, BuildImage = image }));
    }

    [Fact]
    public void Lambda_compute_with_the_default_EC2_image_is_refused_naming_the_image()
    {
        var error = Assert.Single(Validate(TestStacks.Demo() with { ComputeType = "BUILD_LAMBDA_1GB" }));

        Assert.Equal("--image", error.Field);
        Assert.Equal(StackDefaults.BuildImage, error.Value);
        Assert.Contains("needs a Lambda image", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Lambda_image_on_EC2_compute_is_refused_naming_the_compute_type()
    {
        var error = Assert.Single(Validate(TestStacks.Demo() with { BuildImage = LambdaImage }));

        Assert.Equal("--compute-type", error.Field);
        Assert.Contains("runs only on Lambda compute", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ATTRIBUTE_BASED_COMPUTE")]
    [InlineData("CUSTOM_INSTANCE_TYPE")]
    public void Fleet_only_compute_types_are_refused(string computeType)
    {
        var error = Assert.Single(Validate(TestStacks.Demo() with { ComputeType = computeType }));

        Assert.Equal("--compute-type", error.Field);
        Assert.Contains("reserved-capacity fleet", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Windows_image_is_refused()
    {
        var error = Assert.Single(Validate(TestStacks.Demo() with { BuildImage = "aws/codebuild/windows-base:2019-3.0" }));

        Assert.Equal("--image", error.Field);
    }

    [Fact]
    public void Privileged_mode_reaches_the_project_and_is_refused_on_Lambda_compute()
    {
        var privileged = TestStacks.Demo() with { Privileged = true };

        Assert.Empty(Validate(privileged));
        Assert.True(DesiredStack.From(privileged).BuildProject.Privileged);
        Assert.False(DesiredStack.From(TestStacks.Demo()).BuildProject.Privileged);
        var error = Assert.Single(Validate(privileged with { ComputeType = "BUILD_LAMBDA_1GB", BuildImage = LambdaImage }));
        Assert.Equal("--privileged", error.Field);
    }

    [Theory]
    [InlineData("CODEPIPELINE", "CODEPIPELINE")]
    [InlineData("CODECOMMIT", "NO_ARTIFACTS")]
    public void The_artifacts_type_is_the_one_AWS_accepts_with_the_source_type(string sourceType, string artifactsType)
    {
        Assert.Equal(artifactsType, DesiredStack.From(TestStacks.Demo() with { SourceType = sourceType }).BuildProject.ArtifactsType);
    }
}
