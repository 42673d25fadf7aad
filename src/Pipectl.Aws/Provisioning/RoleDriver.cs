using Pipectl.Aws.Errors;
using Pipectl.Aws.Iam;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// IAM roles: trust policy, pipectl's inline policies and tags. A create whose reply was lost is
/// recognised by EntityAlreadyExists and converged; a drifted trust or inline policy is rewritten.
/// </summary>
public sealed class RoleDriver(IamClient iam) : IResourceDriver<RoleSpec, RoleState>
{
    public string Type => ResourceTypes.Role;

    public string? ArnOf(RoleState state) => state.Arn;

    public async Task DeleteAsync(RoleState actual, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                await DeleteWithPoliciesAsync(actual.Name, actual.ListedPolicyNames, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsDeleteConflictException) when (actual.ListedPolicyNames is not null)
            {
                // An inline policy was added after the read listed them: list them again and delete those too.
                await DeleteWithPoliciesAsync(actual.Name, null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AwsResourceNotFoundException)
        {
            // Already gone: an earlier teardown got this far.
        }
        catch (AwsDeleteConflictException e)
        {
            throw new ProvisioningException($"IAM role {actual.Name} still has managed policies or instance profiles attached by someone else ({e.Code}): detach them, then run teardown again.", e);
        }
    }

    /// <summary>IAM refuses to delete a role that still has inline policies (DeleteConflict): they go first.</summary>
    private async Task DeleteWithPoliciesAsync(string role, IReadOnlyList<string>? listed, CancellationToken cancellationToken)
    {
        var policies = listed ?? await iam.ListRolePoliciesAsync(role, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(policies.Select(p => DeletePolicyAsync(role, p, cancellationToken))).ConfigureAwait(false);
        await iam.DeleteRoleAsync(role, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeletePolicyAsync(string role, string policy, CancellationToken cancellationToken)
    {
        try
        {
            await iam.DeleteRolePolicyAsync(role, policy, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
        }
    }

    /// <summary>Its reads name the role and its inline policies: they may start before the account is known.</summary>
    public bool ReadsByName => true;

    public async Task<RoleState?> ReadAsync(RoleSpec desired, CancellationToken cancellationToken)
    {
        IamRole role;
        try
        {
            role = await iam.GetRoleAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }

        // Only the policies pipectl manages are read: other inline policies on the role are left alone.
        var policies = await Task.WhenAll(desired.InlinePolicies.Keys.Select(name => ReadPolicyAsync(desired.Name, name, cancellationToken))).ConfigureAwait(false);
        return new RoleState(
            role.RoleName,
            role.Arn,
            role.AssumeRolePolicyJson ?? string.Empty,
            policies.Where(p => p.Document is not null).ToDictionary(p => p.Name, p => p.Document!),
            role.Tags);
    }

    /// <summary>
    /// Teardown needs the role's tags (GetRole carries them) and the names of its inline policies, which must go
    /// before it (not their documents). Both are asked for by name at once: the deletion then starts with the
    /// policies instead of listing them first.
    /// </summary>
    public async Task<RoleState?> ReadToDeleteAsync(RoleSpec desired, CancellationToken cancellationToken)
    {
        var role = iam.GetRoleAsync(desired.Name, cancellationToken);
        var policies = iam.ListRolePoliciesAsync(desired.Name, cancellationToken);
        try
        {
            await Task.WhenAll(role, policies).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }

        var found = await role.ConfigureAwait(false);
        return new RoleState(found.RoleName, found.Arn, found.AssumeRolePolicyJson ?? string.Empty, new Dictionary<string, string>(), found.Tags)
        {
            ListedPolicyNames = await policies.ConfigureAwait(false),
        };
    }

    public async Task<RoleState> CreateAsync(RoleSpec desired, CancellationToken cancellationToken)
    {
        IamRole created;
        try
        {
            created = await iam.CreateRoleAsync(new CreateRoleRequest(desired.Name, desired.TrustPolicy, desired.Description, desired.Tags), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceExistsException)
        {
            // An earlier attempt created it (its reply was lost): read what is there and converge it, if it is ours.
            var state = OwnershipGuard.Owned(
                await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
                    ?? throw new ProvisioningException($"IAM role {desired.Name} is reported to exist but cannot be read back."),
                desired.Tags,
                $"IAM role {desired.Name}");
            var changes = desired.DifferencesFrom(state);
            return changes.Count == 0 ? state : await UpdateAsync(desired, state, changes, cancellationToken).ConfigureAwait(false);
        }

        // A role CreateRole just made has the trust policy and tags it was given and no inline policy yet:
        // put pipectl's policies (in parallel) without reading the role back.
        await Task.WhenAll(desired.InlinePolicies.Select(p => iam.PutRolePolicyAsync(desired.Name, p.Key, p.Value, cancellationToken))).ConfigureAwait(false);
        return new RoleState(created.RoleName, created.Arn, desired.TrustPolicy, desired.InlinePolicies, new Dictionary<string, string>(desired.Tags));
    }

    public async Task<RoleState> UpdateAsync(RoleSpec desired, RoleState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        if (!Pipectl.Core.Policies.PolicyDocumentComparer.AreEquivalent(actual.TrustPolicy, desired.TrustPolicy))
        {
            work.Add(iam.UpdateAssumeRolePolicyAsync(desired.Name, desired.TrustPolicy, cancellationToken));
        }

        foreach (var (name, document) in desired.InlinePolicies)
        {
            if (!actual.InlinePolicies.TryGetValue(name, out var existing) || !Pipectl.Core.Policies.PolicyDocumentComparer.AreEquivalent(existing, document))
            {
                work.Add(iam.PutRolePolicyAsync(desired.Name, name, document, cancellationToken));
            }
        }

        var missingTags = desired.Tags.Where(t => !actual.Tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary(t => t.Key, t => t.Value);
        if (missingTags.Count > 0)
        {
            work.Add(iam.TagRoleAsync(desired.Name, missingTags, cancellationToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        var merged = new Dictionary<string, string>(actual.Tags);
        foreach (var (key, value) in missingTags)
        {
            merged[key] = value;
        }

        return actual with { TrustPolicy = desired.TrustPolicy, InlinePolicies = desired.InlinePolicies, Tags = merged };
    }

    private async Task<(string Name, string? Document)> ReadPolicyAsync(string role, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (name, (await iam.GetRolePolicyAsync(role, name, cancellationToken).ConfigureAwait(false)).PolicyJson);
        }
        catch (AwsResourceNotFoundException)
        {
            return (name, null);
        }
    }
}
