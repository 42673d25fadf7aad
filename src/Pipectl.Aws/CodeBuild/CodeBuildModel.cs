namespace Pipectl.Aws.CodeBuild;

// Request and reply shapes of the CodeBuild operations pipectl calls (botocore codebuild 2016-10-06).
// Members are camelCase on the wire.

/// <summary>CreateProject input: the model requires name, source, artifacts, environment and serviceRole.</summary>
public sealed record CreateProjectRequest(
    string Name,
    ProjectSource Source,
    ProjectArtifacts Artifacts,
    ProjectEnvironment Environment,
    string ServiceRole,
    string? Description = null,
    LogsConfig? LogsConfig = null,
    IReadOnlyList<CodeBuildTag>? Tags = null,
    int? TimeoutInMinutes = null,
    int? QueuedTimeoutInMinutes = null);

/// <summary>UpdateProject input: only the name is required; members left null are not changed.</summary>
public sealed record UpdateProjectRequest(
    string Name,
    ProjectSource? Source = null,
    ProjectArtifacts? Artifacts = null,
    ProjectEnvironment? Environment = null,
    string? ServiceRole = null,
    string? Description = null,
    LogsConfig? LogsConfig = null,
    IReadOnlyList<CodeBuildTag>? Tags = null,
    int? TimeoutInMinutes = null,
    int? QueuedTimeoutInMinutes = null)
{
    /// <summary>An update that sets every member a create request sets.</summary>
    public static UpdateProjectRequest From(CreateProjectRequest create) => new(
        create.Name, create.Source, create.Artifacts, create.Environment, create.ServiceRole, create.Description,
        create.LogsConfig, create.Tags, create.TimeoutInMinutes, create.QueuedTimeoutInMinutes);
}

/// <summary>
/// Where a build's source comes from: <c>type</c> is CODEPIPELINE, CODECOMMIT, S3, NO_SOURCE, ...;
/// <c>buildspec</c> is a path or an inline YAML document.
/// </summary>
public sealed record ProjectSource(string Type, string? Location = null, string? Buildspec = null, int? GitCloneDepth = null);

/// <summary>Where a build's output goes: <c>type</c> is CODEPIPELINE, S3 or NO_ARTIFACTS.</summary>
public sealed record ProjectArtifacts(string Type, string? Location = null);

/// <summary>The build container: type (LINUX_CONTAINER, ...), image and computeType (BUILD_GENERAL1_SMALL, ...).</summary>
public sealed record ProjectEnvironment(
    string Type,
    string Image,
    string ComputeType,
    bool? PrivilegedMode = null,
    IReadOnlyList<CodeBuildEnvironmentVariable>? EnvironmentVariables = null);

/// <summary>A build environment variable; <c>type</c> is PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER.</summary>
public sealed record CodeBuildEnvironmentVariable(string Name, string Value, string? Type = null);

/// <summary>A project's log settings.</summary>
public sealed record LogsConfig(CloudWatchLogsConfig? CloudWatchLogs = null);

/// <summary>CloudWatch Logs settings: status ENABLED or DISABLED, optional group and stream names.</summary>
public sealed record CloudWatchLogsConfig(string Status, string? GroupName = null, string? StreamName = null);

/// <summary>A CodeBuild tag (a list of key/value objects on the wire).</summary>
public sealed record CodeBuildTag(string Key, string Value);

/// <summary>CreateProject and UpdateProject output.</summary>
public sealed record ProjectReply(CodeBuildProject? Project);

/// <summary>BatchGetProjects input.</summary>
public sealed record BatchGetProjectsRequest(IReadOnlyList<string> Names);

/// <summary>BatchGetProjects output: the projects found and the names that were not.</summary>
public sealed record BatchGetProjectsReply(IReadOnlyList<CodeBuildProject>? Projects, IReadOnlyList<string>? ProjectsNotFound = null);

/// <summary>DeleteProject input.</summary>
public sealed record DeleteProjectRequest(string Name);

/// <summary>A project as CodeBuild describes it.</summary>
public sealed record CodeBuildProject
{
    public string? Name { get; init; }
    public string? Arn { get; init; }
    public string? Description { get; init; }
    public ProjectSource? Source { get; init; }
    public ProjectArtifacts? Artifacts { get; init; }
    public ProjectEnvironment? Environment { get; init; }
    public string? ServiceRole { get; init; }
    public int? TimeoutInMinutes { get; init; }
    public int? QueuedTimeoutInMinutes { get; init; }
    public string? EncryptionKey { get; init; }
    public IReadOnlyList<CodeBuildTag>? Tags { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public LogsConfig? LogsConfig { get; init; }
    public string? ProjectVisibility { get; init; }
}
