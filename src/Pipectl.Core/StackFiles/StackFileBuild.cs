namespace Pipectl.Core.StackFiles;

/// <summary>The <c>build:</c> section: the one CodeBuild project every environment shares.</summary>
public sealed record StackFileBuild
{
    /// <summary><c>build.image</c>.</summary>
    public string? Image { get; init; }

    /// <summary><c>build.computeType</c>, one of CodeBuild's compute types.</summary>
    public string? ComputeType { get; init; }

    /// <summary><c>build.privileged</c>: CodeBuild's privileged mode, for Docker builds.</summary>
    public bool? Privileged { get; init; }

    /// <summary><c>build.sourceType</c>: CODEPIPELINE or CODECOMMIT.</summary>
    public string? SourceType { get; init; }

    /// <summary><c>build.buildspec</c>: a buildspec file, as written (relative to the stack file's folder).</summary>
    public string? Buildspec { get; init; }

    /// <summary>
    /// The buildspec text to inline into the project: <c>build.buildspecInline</c>, or after
    /// <see cref="StackFileParser.Load"/> the content of <see cref="Buildspec"/>. Null: CodeBuild reads
    /// <c>buildspec.yml</c> from the repository.
    /// </summary>
    public string? BuildspecContent { get; init; }

    /// <summary><c>build.environmentVariables</c>: plain-text variables of the build project.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();
}
