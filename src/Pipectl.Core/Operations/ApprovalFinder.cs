namespace Pipectl.Core.Operations;

/// <summary>
/// Finds the manual approvals that wait for a decision, whatever their stage and action are called: an
/// approval waits when its action is in progress and carries a token (only waiting approvals have one).
/// </summary>
public static class ApprovalFinder
{
    /// <summary>Every waiting approval in pipeline order; only those in <paramref name="stageName"/> when it is given.</summary>
    public static IReadOnlyList<PendingApproval> FindAll(PipelineStatus status, string? stageName = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        return
        [
            .. from stage in status.Stages
               where stageName is null || string.Equals(stage.Name, stageName, StringComparison.Ordinal)
               from action in stage.Actions
               where action.Status == PipelineStatuses.InProgress && !string.IsNullOrEmpty(action.ApprovalToken)
               select new PendingApproval(stage.Name, action.Name, action.ApprovalToken!),
        ];
    }

    /// <summary>The first waiting approval in pipeline order, or null when none waits.</summary>
    public static PendingApproval? Find(PipelineStatus status) => FindAll(status).FirstOrDefault();
}
