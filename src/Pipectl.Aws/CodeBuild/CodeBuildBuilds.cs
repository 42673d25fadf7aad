namespace Pipectl.Aws.CodeBuild;

// The build shapes pipectl reads (botocore codebuild 2016-10-06: BatchGetBuilds): where a build's log is.

/// <summary>BatchGetBuilds input: up to 100 build ids ("project:uuid").</summary>
public sealed record BatchGetBuildsRequest(IReadOnlyList<string> Ids);

/// <summary>The builds found, and the ids that were not.</summary>
public sealed record BatchGetBuildsReply(IReadOnlyList<Build>? Builds, IReadOnlyList<string>? BuildsNotFound = null);

/// <summary>One build: its status, its phases and where its log is.</summary>
public sealed record Build
{
    public string? Id { get; init; }
    public string? ProjectName { get; init; }
    public string? BuildStatus { get; init; }
    public string? CurrentPhase { get; init; }
    public bool? BuildComplete { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public IReadOnlyList<BuildPhase>? Phases { get; init; }
    public LogsLocation? Logs { get; init; }

    /// <summary>The ARNs of the reports the build's <c>reports:</c> made (one per report group).</summary>
    public IReadOnlyList<string>? ReportArns { get; init; }
}

/// <summary>One phase of a build (DOWNLOAD_SOURCE, INSTALL, BUILD, ...), with why it failed when it did.</summary>
public sealed record BuildPhase(string? PhaseType, string? PhaseStatus, IReadOnlyList<PhaseContext>? Contexts = null);

/// <summary>A phase's status code and message (e.g. COMMAND_EXECUTION_ERROR).</summary>
public sealed record PhaseContext(string? StatusCode, string? Message);

/// <summary>Where a build's log is: the CloudWatch Logs group and stream, and the console link CodeBuild gives.</summary>
public sealed record LogsLocation(string? GroupName, string? StreamName, string? DeepLink = null);
