namespace Pipectl.Core.Operations;

/// <summary>One stage of a pipeline: its latest execution's status and id, and its actions in order.</summary>
/// <param name="Name">The stage name.</param>
/// <param name="Status">InProgress, Succeeded, Failed, Stopped, ...; null when the stage never ran.</param>
/// <param name="ExecutionId">The pipeline execution the stage last ran for; null when it never ran.</param>
/// <param name="Actions">The stage's actions in order.</param>
/// <param name="TransitionDisabledReason">Why the transition into the stage is disabled; null when it is enabled.</param>
public sealed record StageStatus(
    string Name,
    string? Status,
    string? ExecutionId,
    IReadOnlyList<ActionStatus> Actions,
    string? TransitionDisabledReason = null);
