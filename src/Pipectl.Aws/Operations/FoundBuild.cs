using Pipectl.Aws.CodeBuild;

namespace Pipectl.Aws.Operations;

/// <summary>A build pipectl found for a pipeline, where its log is, and the console page that shows the log.</summary>
/// <param name="Build">The build as BatchGetBuilds describes it.</param>
/// <param name="ConsoleUrl">The build's log in the console.</param>
public sealed record FoundBuild(Build Build, string ConsoleUrl)
{
    public string Id => Build.Id ?? string.Empty;

    /// <summary>True when the build wrote to CloudWatch Logs (a group and a stream are known).</summary>
    public bool HasLog => !string.IsNullOrEmpty(Build.Logs?.GroupName) && !string.IsNullOrEmpty(Build.Logs?.StreamName);

    /// <summary>The failed phase and its reason, e.g. "BUILD: COMMAND_EXECUTION_ERROR: Error while executing command".</summary>
    public string? FailedPhase => Build.Phases?
        .Where(p => p.PhaseStatus is "FAILED" or "FAULT" or "TIMED_OUT" or "CLIENT_ERROR")
        .Select(p => p.Contexts?.FirstOrDefault(c => !string.IsNullOrEmpty(c.Message)) is { } context
            ? $"{p.PhaseType}: {context.StatusCode}: {context.Message}"
            : $"{p.PhaseType}: {p.PhaseStatus}")
        .FirstOrDefault();
}
