namespace Pipectl.Core.Stacks;

/// <summary>
/// Which CodeBuild environment type a compute type and image need (CodeBuild User Guide, "Build environment
/// compute modes and types"): Lambda compute (<c>BUILD_LAMBDA_*</c>) runs only in LINUX_LAMBDA_CONTAINER or
/// ARM_LAMBDA_CONTAINER; an ARM image (<c>aarch64</c>) needs ARM_CONTAINER; everything else on
/// <c>BUILD_GENERAL1_*</c> is LINUX_CONTAINER.
/// </summary>
public static class BuildEnvironments
{
    /// <summary>x86 Linux on EC2 compute.</summary>
    public const string LinuxContainer = "LINUX_CONTAINER";

    /// <summary>ARM Linux on EC2 compute.</summary>
    public const string ArmContainer = "ARM_CONTAINER";

    /// <summary>x86 Linux on Lambda compute.</summary>
    public const string LinuxLambdaContainer = "LINUX_LAMBDA_CONTAINER";

    /// <summary>ARM Linux on Lambda compute.</summary>
    public const string ArmLambdaContainer = "ARM_LAMBDA_CONTAINER";

    /// <summary>The prefix of the images CodeBuild manages (aws/codebuild/standard:7.0, ...).</summary>
    public const string ManagedImagePrefix = "aws/codebuild/";

    /// <summary>The environment type for <paramref name="computeType"/> and <paramref name="image"/>.</summary>
    public static string TypeFor(string computeType, string image) => (IsLambdaCompute(computeType), IsArmImage(image)) switch
    {
        (true, true) => ArmLambdaContainer,
        (true, false) => LinuxLambdaContainer,
        (false, true) => ArmContainer,
        (false, false) => LinuxContainer,
    };

    /// <summary>True for <c>BUILD_LAMBDA_*</c>: builds on AWS Lambda instead of an EC2 container host.</summary>
    public static bool IsLambdaCompute(string computeType) => computeType.StartsWith("BUILD_LAMBDA_", StringComparison.Ordinal);

    /// <summary>True for an EC2 on-demand compute type (<c>BUILD_GENERAL1_*</c>).</summary>
    public static bool IsGeneralCompute(string computeType) => computeType.StartsWith("BUILD_GENERAL1_", StringComparison.Ordinal);

    /// <summary>True for an image built for ARM: CodeBuild's are named <c>...-aarch64-...</c>.</summary>
    public static bool IsArmImage(string image) =>
        image.Contains("aarch64", StringComparison.OrdinalIgnoreCase) || image.Contains("arm64", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for one of CodeBuild's managed images, whose name says what compute it is for.</summary>
    public static bool IsManagedImage(string image) => image.StartsWith(ManagedImagePrefix, StringComparison.Ordinal);

    /// <summary>True for a CodeBuild-managed Lambda image (aws/codebuild/amazonlinux-x86_64-lambda-standard:..., ...).</summary>
    public static bool IsManagedLambdaImage(string image) => IsManagedImage(image) && image.Contains("-lambda-", StringComparison.Ordinal);

    /// <summary>True for a CodeBuild-managed Windows image, which pipectl's Linux stack cannot use.</summary>
    public static bool IsManagedWindowsImage(string image) => IsManagedImage(image) && image.Contains("windows", StringComparison.OrdinalIgnoreCase);
}
