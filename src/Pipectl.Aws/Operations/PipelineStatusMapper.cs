using Pipectl.Aws.CodePipeline;
using Pipectl.Core.Operations;

namespace Pipectl.Aws.Operations;

/// <summary>Turns CodePipeline's GetPipelineState and ListPipelineExecutions replies into Core's <see cref="PipelineStatus"/>.</summary>
public static class PipelineStatusMapper
{
    public static PipelineStatus ToStatus(string pipelineName, PipelineStateReply state, IReadOnlyList<PipelineExecutionSummary> executions)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(executions);
        var stages = (state.StageStates ?? []).Select(ToStage).ToList();
        return new PipelineStatus(state.PipelineName ?? pipelineName, stages, [.. executions.Where(e => e.PipelineExecutionId is not null).Select(ToExecution)]);
    }

    public static PipelineExecution ToExecution(PipelineExecutionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        // The first source revision is the commit of the pipeline's (first) source action.
        var source = summary.SourceRevisions is { Count: > 0 } revisions ? revisions[0] : null;
        return new PipelineExecution(
            summary.PipelineExecutionId!,
            summary.Status,
            summary.StartTime,
            summary.LastUpdateTime,
            source?.RevisionId,
            source?.RevisionSummary,
            summary.StopTrigger?.Reason);
    }

    private static StageStatus ToStage(StageState stage) => new(
        stage.StageName ?? string.Empty,
        stage.LatestExecution?.Status,
        stage.LatestExecution?.PipelineExecutionId,
        [.. (stage.ActionStates ?? []).Select(ToAction)],
        stage.InboundTransitionState is { Enabled: false } transition ? transition.DisabledReason ?? "disabled" : null);

    private static ActionStatus ToAction(ActionState action)
    {
        var execution = action.LatestExecution;
        return new ActionStatus(
            action.ActionName ?? string.Empty,
            execution?.Status,
            execution?.LastStatusChange,
            execution?.Summary,
            action.CurrentRevision?.RevisionId,
            execution?.ErrorDetails is { } error ? new ActionError(error.Code, error.Message) : null,
            string.IsNullOrEmpty(execution?.Token) ? null : execution.Token,
            execution?.ExternalExecutionUrl,
            execution?.ExternalExecutionId);
    }
}
