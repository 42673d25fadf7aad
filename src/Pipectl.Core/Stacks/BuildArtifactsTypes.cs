namespace Pipectl.Core.Stacks;

/// <summary>The CodeBuild project artifacts types pipectl sends, paired with its source type.</summary>
public static class BuildArtifactsTypes
{
    /// <summary>The pipeline takes the build's output (with a CODEPIPELINE source only).</summary>
    public const string CodePipeline = "CODEPIPELINE";

    /// <summary>The project itself keeps no output (with a CODECOMMIT source).</summary>
    public const string None = "NO_ARTIFACTS";
}
