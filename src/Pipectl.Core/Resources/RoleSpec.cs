using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>An IAM role with its trust policy and pipectl's inline least-privilege policies.</summary>
public sealed record RoleSpec(
    string Name,
    string Description,
    string TrustPolicy,
    IReadOnlyDictionary<string, string> InlinePolicies,
    IReadOnlyDictionary<string, string> Tags) : IDesiredState<RoleState>, IPolicyHolder
{
    public static RoleSpec From(RoleDefinition role, IReadOnlyDictionary<string, string> tags) => new(
        role.Name,
        role.Description,
        role.TrustPolicy.ToJson(),
        new Dictionary<string, string> { [role.InlinePolicyName] = role.InlinePolicy.ToJson() },
        tags);

    public IReadOnlyList<KeyValuePair<string, string?>> PolicyDocuments =>
        [new("trust policy", TrustPolicy), .. InlinePolicies.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, string?>($"inline policy {p.Key}", p.Value))];

    public IReadOnlyList<string> DifferencesFrom(RoleState actual)
    {
        var differences = new Differences();
        if (!PolicyDocumentComparer.AreEquivalent(actual.TrustPolicy, TrustPolicy))
        {
            differences.ComparePolicy("trust policy", actual.TrustPolicy, TrustPolicy);
        }

        foreach (var (name, document) in InlinePolicies)
        {
            // A missing inline policy is one without statements: every statement is added.
            var existing = actual.InlinePolicies.GetValueOrDefault(name);
            if (existing is null || !PolicyDocumentComparer.AreEquivalent(existing, document))
            {
                differences.ComparePolicy($"inline policy {name}", existing, document);
            }
        }

        return differences.CompareTags(actual.Tags, Tags);
    }
}
