namespace Pipectl.Core.Operations;

/// <summary>What changed between two looks at a pipeline, for a watch that prints one line per change.</summary>
public static class StatusChanges
{
    /// <summary>
    /// The changes from <paramref name="before"/> (null: the first look, so everything that has a status)
    /// to <paramref name="after"/>, in pipeline order, the watched execution first. An action counts as
    /// changed when its status or the execution its stage ran for changed.
    /// </summary>
    public static IReadOnlyList<StatusChange> Between(PipelineStatus? before, PipelineStatus after, string? executionId)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<StatusChange>();
        if (executionId is not null)
        {
            var was = before?.FindExecution(executionId);
            var now = after.FindExecution(executionId);
            if (now?.Status is { } status && status != was?.Status)
            {
                changes.Add(new StatusChange($"execution {executionId}", status, now.StopReason));
            }
        }

        var previous = before?.Stages.ToDictionary(s => s.Name, StringComparer.Ordinal) ?? [];
        foreach (var stage in after.Stages)
        {
            previous.TryGetValue(stage.Name, out var oldStage);
            foreach (var action in stage.Actions)
            {
                if (action.Status is not { } status)
                {
                    continue;
                }

                var oldAction = oldStage?.Actions.FirstOrDefault(a => string.Equals(a.Name, action.Name, StringComparison.Ordinal));
                var same = oldAction?.Status == status && string.Equals(oldStage?.ExecutionId, stage.ExecutionId, StringComparison.Ordinal);
                if (!same)
                {
                    changes.Add(new StatusChange($"{stage.Name}/{action.Name}", status, Detail(action)));
                }
            }
        }

        return changes;
    }

    private static string? Detail(ActionStatus action) => action switch
    {
        { Error: { } error } => string.IsNullOrEmpty(error.Code) ? error.Message : $"{error.Code}: {error.Message}",
        { Status: PipelineStatuses.InProgress, ApprovalToken.Length: > 0 } => "waiting for approval",
        _ => string.IsNullOrWhiteSpace(action.Summary) ? null : action.Summary,
    };
}
