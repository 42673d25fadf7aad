using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// The compute type, image and privileged mode pairs CodeBuild refuses, caught before anything is sent
/// (CodeBuild User Guide, "Build environment compute modes and types" and "Run builds on AWS Lambda compute").
/// </summary>
public static class BuildEnvironmentRules
{
    /// <summary>The problems of <paramref name="spec"/>'s build environment; empty when CodeBuild accepts it.</summary>
    public static IEnumerable<ValidationError> Check(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var compute = spec.ComputeType;
        var image = spec.BuildImage;
        if (string.IsNullOrWhiteSpace(image) || !AwsConstraints.ComputeTypes.Contains(compute, StringComparer.Ordinal))
        {
            yield break;
        }

        if (!BuildEnvironments.IsLambdaCompute(compute) && !BuildEnvironments.IsGeneralCompute(compute))
        {
            yield return new ValidationError(StackOptionNames.ComputeType, compute,
                "this compute type needs a reserved-capacity fleet, which pipectl does not create: use BUILD_GENERAL1_* or BUILD_LAMBDA_*");
        }
        else if (BuildEnvironments.IsManagedWindowsImage(image))
        {
            yield return new ValidationError(StackOptionNames.BuildImage, image, "pipectl builds on Linux: choose a Linux image such as aws/codebuild/standard:7.0");
        }
        else if (BuildEnvironments.IsLambdaCompute(compute) && BuildEnvironments.IsManagedImage(image) && !BuildEnvironments.IsManagedLambdaImage(image))
        {
            yield return new ValidationError(StackOptionNames.BuildImage, image,
                $"{compute} runs on AWS Lambda and needs a Lambda image such as aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20 (or a BUILD_GENERAL1_* compute type for this image)");
        }
        else if (!BuildEnvironments.IsLambdaCompute(compute) && BuildEnvironments.IsManagedLambdaImage(image))
        {
            yield return new ValidationError(StackOptionNames.ComputeType, compute,
                $"the Lambda image {image} runs only on Lambda compute: use a BUILD_LAMBDA_* compute type, or an image such as aws/codebuild/standard:7.0");
        }

        if (spec.Privileged && BuildEnvironments.IsLambdaCompute(compute))
        {
            yield return new ValidationError(StackOptionNames.Privileged, "true",
                "Lambda compute cannot run Docker (no privileged mode): use a BUILD_GENERAL1_* compute type for Docker builds");
        }
        else if (spec.IsEcsDeploy && BuildEnvironments.IsLambdaCompute(compute))
        {
            // --deploy ecs builds the image with Docker, so its project runs in privileged mode, which CodeBuild
            // refuses on Lambda compute ("Privileged mode is not supported by Lambda compute") only at CreateProject.
            yield return new ValidationError(StackOptionNames.ComputeType, compute,
                $"{StackOptionNames.Deploy} ecs builds a Docker image, which needs privileged mode, and Lambda compute has none: use a BUILD_GENERAL1_* compute type");
        }
    }
}
