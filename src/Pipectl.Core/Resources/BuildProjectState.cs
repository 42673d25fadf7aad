namespace Pipectl.Core.Resources;

/// <summary>A CodeBuild project as read back.</summary>
public sealed record BuildProjectState(
    string Name,
    string Arn,
    string SourceType,
    string? SourceLocation,
    string? Buildspec,
    string Image,
    string ComputeType,
    string ServiceRoleArn,
    string? LogGroupName,
    IReadOnlyDictionary<string, string> Tags) : ITaggedState
{
    /// <summary>The plain-text environment variables of the build.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>The artifacts type (CODEPIPELINE, NO_ARTIFACTS, S3), or null when not described.</summary>
    public string? ArtifactsType { get; init; }

    /// <summary>The environment type (LINUX_CONTAINER, ARM_CONTAINER, LINUX_LAMBDA_CONTAINER, ...), or null.</summary>
    public string? EnvironmentType { get; init; }

    /// <summary>Whether privileged mode is on.</summary>
    public bool Privileged { get; init; }
}
