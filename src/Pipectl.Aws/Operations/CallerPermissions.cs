using Pipectl.Aws.Errors;
using Pipectl.Aws.Iam;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Operations;

/// <summary>
/// Checks, before the first write, that the caller's identity policies allow every request of a plan
/// (<see cref="PlannedWrites"/>), with IAM's policy simulator (SimulatePrincipalPolicy) on the caller's user, or
/// on the role of an assumed-role session. One request when the actions times the resources fit in a page of
/// <see cref="IamClient.SimulationPageSize"/> results (a default stack: 14 actions on 10 resources, 140 results); only the pairs
/// the run sends are read from the answer. The root user and federated users cannot be simulated; a caller who may
/// not simulate is told so: either way the run goes on (<see cref="PermissionCheckResult.NotChecked"/>).
/// </summary>
public sealed class CallerPermissions(IamClient iam)
{
    /// <summary>The simulation of <paramref name="writes"/> for the caller <paramref name="callerArn"/> (GetCallerIdentity's Arn).</summary>
    public async Task<PermissionCheckResult> CheckAsync(string callerArn, IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return new PermissionCheckResult(null, [], null);
        }

        var (principal, roleName, reason) = PrincipalOf(callerArn);
        if (principal is null)
        {
            return new PermissionCheckResult(null, [], reason);
        }

        try
        {
            IReadOnlyList<IamSimulatedDecision> decisions;
            try
            {
                decisions = await SimulateAsync(principal, writes, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsResourceNotFoundException) when (roleName is not null)
            {
                // A role with a path: the session ARN does not show it, GetRole does.
                principal = (await iam.GetRoleAsync(roleName, cancellationToken).ConfigureAwait(false)).Arn;
                decisions = await SimulateAsync(principal, writes, cancellationToken).ConfigureAwait(false);
            }

            var allowed = decisions.Where(d => d.Allowed).Select(d => (d.Action.ToLowerInvariant(), d.Resource)).ToHashSet();
            var denied = writes.Where(w => !allowed.Contains((w.Action.ToLowerInvariant(), w.Resource))).ToList();
            return new PermissionCheckResult(principal, denied, null);
        }
        catch (AwsAccessDeniedException)
        {
            return new PermissionCheckResult(null, [], $"{principal} may not call iam:SimulatePrincipalPolicy{(roleName is null ? string.Empty : " (or iam:GetRole)")}: the permissions were not checked");
        }
        catch (AwsResourceNotFoundException)
        {
            return new PermissionCheckResult(null, [], $"IAM does not know {principal}: the permissions were not checked");
        }
        catch (AwsApiException e)
        {
            return new PermissionCheckResult(null, [], $"the permission check of {principal} failed ({e.Code}): the permissions were not checked");
        }
    }

    /// <summary>
    /// The ARN to simulate for a caller: an IAM user's own ARN; for an assumed-role session
    /// (<c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>) the role's ARN without a path (and the role name, to
    /// look the path up); for the root user, a federated user or anything else, null and why.
    /// </summary>
    public static (string? Principal, string? RoleName, string? NotChecked) PrincipalOf(string callerArn)
    {
        ArgumentNullException.ThrowIfNull(callerArn);
        var parts = callerArn.Split(':', 6);
        if (parts.Length == 6 && parts[0] == "arn")
        {
            var (partition, service, account, resource) = (parts[1], parts[2], parts[4], parts[5]);
            if (service == "iam" && resource.StartsWith("user/", StringComparison.Ordinal))
            {
                return (callerArn, null, null);
            }

            if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal) && resource.Split('/') is [_, var role, ..] && role.Length > 0)
            {
                return ($"arn:{partition}:iam::{account}:role/{role}", role, null);
            }

            if (service == "iam" && resource == "root")
            {
                return (null, null, "the caller is the account's root user, whose permissions IAM cannot simulate: the permissions were not checked");
            }
        }

        return (null, null, $"IAM cannot simulate the policies of {Visible(callerArn)} (only an IAM user or an assumed role): the permissions were not checked");
    }

    private Task<IReadOnlyList<IamSimulatedDecision>> SimulateAsync(string principal, IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken) =>
        iam.SimulatePrincipalPolicyAsync(
            principal,
            writes.Select(w => w.Action).Distinct(StringComparer.Ordinal).ToList(),
            writes.Select(w => w.Resource).Distinct(StringComparer.Ordinal).ToList(),
            cancellationToken);

    private static string Visible(string value) => Pipectl.Core.Validation.SafeFragment.Visible(value);
}
