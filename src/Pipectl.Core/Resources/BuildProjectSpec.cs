using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Resources;

/// <summary>
/// A CodeBuild project: source and artifacts CODEPIPELINE (or source CODECOMMIT at the clone URL with
/// NO_ARTIFACTS), the environment type its compute type and image need, logs to /aws/codebuild/&lt;project&gt;,
/// an inline buildspec or the repository's.
/// </summary>
public sealed record BuildProjectSpec(
    string Name,
    string Description,
    string SourceType,
    string? SourceLocation,
    string? Buildspec,
    string Image,
    string ComputeType,
    string ServiceRoleArn,
    string LogGroupName,
    IReadOnlyDictionary<string, string> Tags) : IDesiredState<BuildProjectState>
{
    /// <summary>Environment variables of the build (pipectl.yaml build.environmentVariables).</summary>
    public IReadOnlyDictionary<string, BuildVariable> EnvironmentVariables { get; init; } = new Dictionary<string, BuildVariable>();

    /// <summary>CodeBuild's privileged mode (a Docker daemon in the build).</summary>
    public bool Privileged { get; init; }

    /// <summary>
    /// The artifacts type AWS accepts with the source type: CODEPIPELINE with a CODEPIPELINE source (AWS refuses a
    /// mix: "when using CodePipeline both sourceType, and artifactType must be set to: CODEPIPELINE"), and
    /// NO_ARTIFACTS for a CODECOMMIT source (the pipeline's build action gets its output from CodePipeline anyway).
    /// </summary>
    public string ArtifactsType => SourceType == BuildSourceTypes.CodePipeline ? BuildArtifactsTypes.CodePipeline : BuildArtifactsTypes.None;

    /// <summary>The environment type the compute type and image need (see <see cref="BuildEnvironments"/>).</summary>
    public string EnvironmentType => BuildEnvironments.TypeFor(ComputeType, Image);

    public IReadOnlyList<string> DifferencesFrom(BuildProjectState actual)
    {
        var differences = new Differences();
        if (BuildVariableChanges.Describe(actual.EnvironmentVariables, EnvironmentVariables) is { } variables)
        {
            // Names and what changed only: a value is never shown (it may be a secret).
            differences.Add($"environment variables: {variables}");
        }

        return differences
            .Compare("source type", actual.SourceType, SourceType)
            .Compare("source location", actual.SourceLocation, SourceLocation)
            .Compare("artifacts type", actual.ArtifactsType, ArtifactsType)
            .Compare("environment type", actual.EnvironmentType, EnvironmentType)
            .Compare("privileged mode", actual.Privileged, Privileged)
            .Compare("buildspec", Summary(actual.Buildspec), Summary(Buildspec))
            .Compare("image", actual.Image, Image)
            .Compare("compute type", actual.ComputeType, ComputeType)
            .Compare("service role", actual.ServiceRoleArn, ServiceRoleArn)
            .Compare("log group", actual.LogGroupName, LogGroupName)
            .CompareTags(actual.Tags, Tags);
    }

    internal static string? Summary(string? buildspec) =>
        string.IsNullOrWhiteSpace(buildspec) ? null : $"inline ({buildspec.Trim().Length} chars, #{StableHash(buildspec.Trim()):x8})";

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
