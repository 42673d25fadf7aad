using System.Globalization;
using System.Xml.Linq;
using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Iam;

/// <summary>pipectl's own IAM client (Query protocol, global endpoint, signed for us-east-1).</summary>
public class IamClient(AWSCredentials credentials, PipectlClientConfig<IamFacts> config, ApiCallCounter? counter = null)
    : QueryServiceClient<IamFacts>(credentials, config, counter)
{
    /// <summary>CreateRole: the new role (EntityAlreadyExists becomes AwsResourceExistsException).</summary>
    public virtual async Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters()
            .Add("Path", request.Path)
            .Add("RoleName", request.RoleName)
            .Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
            .Add("Description", request.Description)
            .AddInt("MaxSessionDuration", request.MaxSessionDuration)
            .AddStructList("Tags", request.Tags, TagFields);
        var result = await InvokeQueryAsync("CreateRole", parameters, cancellationToken).ConfigureAwait(false);
        return ReadRole(result.Child("Role"));
    }

    /// <summary>GetRole (NoSuchEntity becomes AwsResourceNotFoundException).</summary>
    public virtual async Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var result = await InvokeQueryAsync("GetRole", new QueryParameters().Add("RoleName", roleName), cancellationToken).ConfigureAwait(false);
        return ReadRole(result.Child("Role"));
    }

    /// <summary>UpdateAssumeRolePolicy: replaces the role's trust policy (plain JSON).</summary>
    public virtual Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync("UpdateAssumeRolePolicy", new QueryParameters().Add("RoleName", roleName).Add("PolicyDocument", policyDocument), cancellationToken);

    /// <summary>PutRolePolicy: creates or replaces an inline policy (plain JSON).</summary>
    public virtual Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync("PutRolePolicy", new QueryParameters().Add("RoleName", roleName).Add("PolicyName", policyName).Add("PolicyDocument", policyDocument), cancellationToken);

    /// <summary>GetRolePolicy: the inline policy; its document URL-encoded as sent and decoded in <see cref="IamRolePolicy.PolicyJson"/>.</summary>
    public virtual async Task<IamRolePolicy> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default)
    {
        var result = await InvokeQueryAsync("GetRolePolicy", new QueryParameters().Add("RoleName", roleName).Add("PolicyName", policyName), cancellationToken).ConfigureAwait(false);
        return new IamRolePolicy(
            result.ChildText("RoleName") ?? roleName,
            result.ChildText("PolicyName") ?? policyName,
            result.ChildText("PolicyDocument") ?? string.Empty);
    }

    /// <summary>ListRolePolicies: the names of every inline policy of the role, following Marker to the last page.</summary>
    public virtual async Task<IReadOnlyList<string>> ListRolePoliciesAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        string? marker = null;
        do
        {
            var result = await InvokeQueryAsync("ListRolePolicies", new QueryParameters().Add("RoleName", roleName).Add("Marker", marker), cancellationToken).ConfigureAwait(false);
            names.AddRange(result.Child("PolicyNames").Members().Select(m => m.Value));
            marker = NextMarker(result);
        }
        while (marker is not null);

        return names;
    }

    /// <summary>DeleteRolePolicy: removes one inline policy.</summary>
    public virtual Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync("DeleteRolePolicy", new QueryParameters().Add("RoleName", roleName).Add("PolicyName", policyName), cancellationToken);

    /// <summary>DeleteRole (DeleteConflict, while policies are attached, becomes AwsDeleteConflictException).</summary>
    public virtual Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync("DeleteRole", new QueryParameters().Add("RoleName", roleName), cancellationToken);

    /// <summary>TagRole: adds or overwrites tags on the role.</summary>
    public virtual Task TagRoleAsync(string roleName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync("TagRole", new QueryParameters().Add("RoleName", roleName).AddStructList("Tags", tags, TagFields), cancellationToken);

    /// <summary>ListRoleTags: every tag of the role, following Marker to the last page.</summary>
    public virtual async Task<IReadOnlyDictionary<string, string>> ListRoleTagsAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var result = await InvokeQueryAsync("ListRoleTags", new QueryParameters().Add("RoleName", roleName).Add("Marker", marker), cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in ReadTags(result.Child("Tags")))
            {
                tags[key] = value;
            }

            marker = NextMarker(result);
        }
        while (marker is not null);

        return tags;
    }

    /// <summary>
    /// SimulatePrincipalPolicy: how the identity policies of <paramref name="policySourceArn"/> (a user, with its
    /// groups' policies, or a role) decide each of <paramref name="actions"/> on each of <paramref name="resources"/>:
    /// one decision per (action, resource) pair, following Marker to the last page. The simulation reads no
    /// resource-based policy, service control policy or session policy (docs/permissions.md).
    /// </summary>
    public virtual async Task<IReadOnlyList<IamSimulatedDecision>> SimulatePrincipalPolicyAsync(
        string policySourceArn,
        IReadOnlyList<string> actions,
        IReadOnlyList<string> resources,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(resources);
        var decisions = new List<IamSimulatedDecision>();
        string? marker = null;
        do
        {
            var parameters = new QueryParameters()
                .Add("PolicySourceArn", policySourceArn)
                .AddList("ActionNames", actions)
                .AddList("ResourceArns", resources)
                .AddInt("MaxItems", SimulationPageSize)
                .Add("Marker", marker);
            var result = await InvokeQueryAsync("SimulatePrincipalPolicy", parameters, cancellationToken).ConfigureAwait(false);
            foreach (var evaluation in result.Child("EvaluationResults").Members())
            {
                var action = evaluation.ChildText("EvalActionName") ?? string.Empty;
                var perResource = evaluation.Child("ResourceSpecificResults").Members().ToList();
                if (perResource.Count == 0)
                {
                    decisions.Add(new IamSimulatedDecision(action, evaluation.ChildText("EvalResourceName") ?? "*", evaluation.ChildText("EvalDecision") ?? string.Empty));
                }

                decisions.AddRange(perResource.Select(r => new IamSimulatedDecision(action, r.ChildText("EvalResourceName") ?? string.Empty, r.ChildText("EvalResourceDecision") ?? string.Empty)));
            }

            marker = NextMarker(result);
        }
        while (marker is not null);

        return decisions;
    }

    /// <summary>The most results one SimulatePrincipalPolicy reply may carry (the model's maximum of MaxItems).</summary>
    public const int SimulationPageSize = 1000;

    internal static IamRole ReadRole(XElement? role) => new(
        role.ChildText("RoleName") ?? string.Empty,
        role.ChildText("Arn") ?? string.Empty,
        role.ChildText("RoleId"),
        role.ChildText("Path"),
        role.ChildText("AssumeRolePolicyDocument"),
        role.ChildText("Description"),
        ReadTags(role.Child("Tags")),
        int.TryParse(role.ChildText("MaxSessionDuration"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var duration) ? duration : null,
        DateTimeOffset.TryParse(role.ChildText("CreateDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null);

    private static Dictionary<string, string> ReadTags(XElement? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in tags.Members())
        {
            result[member.ChildText("Key") ?? string.Empty] = member.ChildText("Value") ?? string.Empty;
        }

        return result;
    }

    /// <summary>The Marker of the next page, or null when the reply is the last page.</summary>
    private static string? NextMarker(XElement result) =>
        string.Equals(result.ChildText("IsTruncated"), "true", StringComparison.OrdinalIgnoreCase) && result.ChildText("Marker") is { Length: > 0 } next
            ? next
            : null;

    private static IEnumerable<KeyValuePair<string, string?>> TagFields(KeyValuePair<string, string> tag) =>
        [new("Key", tag.Key), new("Value", tag.Value)];
}
