using Pipectl.Core.Orchestration;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// The permission check before the first write (IAM policy simulation of the caller's identity policies) found
/// requests of the plan that the caller may not make: every one is listed, with its resource, and nothing was written.
/// </summary>
public sealed class PermissionsDeniedException(string principal, IReadOnlyList<PlannedWrite> denied)
    : Exception(MessageOf(principal, denied)), ICodedFailure
{
    /// <summary>The IAM principal whose policies were simulated.</summary>
    public string Principal { get; } = principal;

    /// <summary>Every (action, resource) pair the simulation did not allow, in plan order.</summary>
    public IReadOnlyList<PlannedWrite> Denied { get; } = denied;

    public string ErrorCode => ErrorCodes.PermissionsDenied;

    private static string MessageOf(string principal, IReadOnlyList<PlannedWrite> denied)
    {
        ArgumentNullException.ThrowIfNull(denied);
        return $"{principal} is not allowed {denied.Count} of the requests this run needs (IAM policy simulation of its identity policies): {List(denied)}. Nothing was written. Allow them (docs/permissions.md lists every action), or pass --skip-permission-check to run without the check.";
    }

    /// <summary>The denied requests in one line: <c>action on resource; action on resource</c>.</summary>
    public static string List(IReadOnlyList<PlannedWrite> denied) =>
        string.Join("; ", (denied ?? throw new ArgumentNullException(nameof(denied))).Select(d => $"{d.Action} on {d.Resource}"));
}
