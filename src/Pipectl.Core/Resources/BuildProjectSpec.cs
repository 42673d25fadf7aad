using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Resources;

/// <summary>
/// A CodeBuild project: source CODECOMMIT at the clone URL (or CODEPIPELINE), artifacts CODEPIPELINE, a
/// Linux container, logs to /aws/codebuild/&lt;project&gt;, an inline buildspec or the repository's.
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
            .Compare("buildspec", Summary(actual.Buildspec), Summary(Buildspec))
            .Compare("image", actual.Image, Image)
            .Compare("compute type", actual.ComputeType, ComputeType)
            .Compare("service role", actual.ServiceRoleArn, ServiceRoleArn)
            .Compare("log group", actual.LogGroupName, LogGroupName)
            .CompareTags(actual.Tags, Tags);
    }

    private static string? Summary(string? buildspec) =>
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
