using System.Text.RegularExpressions;
using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Logs;

namespace Pipectl.Aws.Operations;

/// <summary>
/// Finds the CodeBuild build a pipeline ran and reads its CloudWatch Logs: the latest build from
/// GetPipelineState (the build action's external execution id), one execution's build from
/// ListActionExecutions, then BatchGetBuilds for the log group and stream, then GetLogEvents.
/// </summary>
public partial class BuildLogs(CodePipelineClient pipelines, CodeBuildClient builds, CloudWatchLogsClient logs, string region)
{
    private const string CodeBuildProvider = "CodeBuild";

    /// <summary>A CodeBuild build id: "project-name:uuid".</summary>
    public static bool IsBuildId(string? id) => id is not null && BuildIdPattern().IsMatch(id);

    /// <summary>The newest build any action of the pipeline's latest state ran; null when none did.</summary>
    public virtual async Task<FoundBuild?> FindLatestAsync(string pipelineName, CancellationToken cancellationToken)
    {
        var state = await pipelines.GetPipelineStateAsync(pipelineName, cancellationToken).ConfigureAwait(false);
        var newest = (state.StageStates ?? [])
            .SelectMany(s => s.ActionStates ?? [])
            .Select(a => a.LatestExecution)
            .Where(e => IsBuildId(e?.ExternalExecutionId))
            .OrderByDescending(e => e!.LastStatusChange ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        return newest is null ? null : await ReadAsync(newest.ExternalExecutionId!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest build a CodeBuild action ran in one pipeline execution; null when none did.</summary>
    public virtual async Task<FoundBuild?> FindForExecutionAsync(string pipelineName, string executionId, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await pipelines.ListActionExecutionsAsync(new ListActionExecutionsRequest(pipelineName, new ActionExecutionFilter(executionId), NextToken: token), cancellationToken).ConfigureAwait(false);
            var build = (page.ActionExecutionDetails ?? [])
                .Where(d => d.Input?.ActionTypeId?.Provider == CodeBuildProvider && IsBuildId(d.Output?.ExecutionResult?.ExternalExecutionId))
                .OrderByDescending(d => d.StartTime ?? DateTimeOffset.MinValue)
                .FirstOrDefault();
            if (build is not null)
            {
                return await ReadAsync(build.Output!.ExecutionResult!.ExternalExecutionId!, cancellationToken).ConfigureAwait(false);
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return null;
    }

    /// <summary>One build by id; null when CodeBuild no longer has it.</summary>
    public virtual async Task<FoundBuild?> ReadAsync(string buildId, CancellationToken cancellationToken)
    {
        var reply = await builds.BatchGetBuildsAsync([buildId], cancellationToken).ConfigureAwait(false);
        var build = reply.Builds?.FirstOrDefault(b => b.Id == buildId);
        return build is null ? null : new FoundBuild(build, ConsoleUrl(build));
    }

    /// <summary>The last <paramref name="count"/> lines of the build's log, oldest first (one GetLogEvents).</summary>
    public virtual async Task<IReadOnlyList<LogEvent>> TailAsync(FoundBuild build, int count, CancellationToken cancellationToken)
    {
        if (!build.HasLog)
        {
            return [];
        }

        var page = await logs.GetLogEventsAsync(new GetLogEventsRequest(build.Build.Logs!.GroupName!, build.Build.Logs.StreamName!, StartFromHead: false, Limit: count), cancellationToken).ConfigureAwait(false);
        return page.Events ?? [];
    }

    /// <summary>
    /// One page of the log from <paramref name="token"/> (null: from the start); returns the events and the
    /// token to read on. GetLogEvents answers the same forward token when there is nothing newer yet.
    /// </summary>
    public virtual async Task<(IReadOnlyList<LogEvent> Events, string? Next)> ReadPageAsync(FoundBuild build, string? token, CancellationToken cancellationToken)
    {
        var page = await logs.GetLogEventsAsync(new GetLogEventsRequest(build.Build.Logs!.GroupName!, build.Build.Logs.StreamName!, StartFromHead: true, NextToken: token), cancellationToken).ConfigureAwait(false);
        return (page.Events ?? [], page.NextForwardToken);
    }

    private string ConsoleUrl(Build build) =>
        !string.IsNullOrEmpty(build.Logs?.DeepLink)
            ? build.Logs.DeepLink
            : $"https://{region}.console.aws.amazon.com/codesuite/codebuild/projects/{Uri.EscapeDataString(build.ProjectName ?? build.Id!.Split(':')[0])}/build/{Uri.EscapeDataString(build.Id!)}/log?region={region}";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{1,254}:[0-9a-fA-F-]{36}$")]
    private static partial Regex BuildIdPattern();
}
