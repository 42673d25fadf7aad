using Pipectl.Core.Orchestration;

namespace Pipectl.Core.Provisioning;

/// <summary>What the permission check found: the denied requests (none: all allowed), or why it could not check.</summary>
/// <param name="Principal">The IAM user or role whose policies were simulated (null when none could be).</param>
/// <param name="Denied">The (action, resource) pairs the simulation did not allow.</param>
/// <param name="NotChecked">Why nothing was simulated (a line for a warning), or null when it was.</param>
public sealed record PermissionCheckResult(string? Principal, IReadOnlyList<PlannedWrite> Denied, string? NotChecked)
{
    /// <summary>The failure to stop the run with, or null when nothing is denied.</summary>
    public PermissionsDeniedException? Failure => Principal is not null && Denied.Count > 0 ? new PermissionsDeniedException(Principal, Denied) : null;

    /// <summary>How many (action, resource) pairs were simulated.</summary>
    public int Checked { get; init; }
}
