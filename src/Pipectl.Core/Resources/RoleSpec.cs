using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>An IAM role with its trust policy and pipectl's inline least-privilege policies.</summary>
public sealed record RoleSpec(
    string Name,
    string Description,
    string TrustPolicy,
    IReadOnlyDictionary<string, string> InlinePolicies,
    IReadOnlyDictionary<string, string> Tags) : IDesiredState<RoleState>
{
    public static RoleSpec From(RoleDefinition role, IReadOnlyDictionary<string, string> tags) => new(
        role.Name,
        role.Description,
        role.TrustPolicy.ToJson(),
        new Dictionary<string, string> { [role.InlinePolicyName] = role.InlinePolicy.ToJson() },
        tags);

    public IReadOnlyList<string> DifferencesFrom(RoleState actual)
    {
        var differences = new Differences()
            .CompareDocument("trust policy", PolicyDocumentComparer.AreEquivalent(actual.TrustPolicy, TrustPolicy));
        foreach (var (name, document) in InlinePolicies)
        {
            if (!actual.InlinePolicies.TryGetValue(name, out var existing))
            {
                differences.Add($"inline policy {name}: missing");
            }
            else
            {
                differences.CompareDocument($"inline policy {name}", PolicyDocumentComparer.AreEquivalent(existing, document));
            }
        }

        return differences.CompareTags(actual.Tags, Tags);
    }
}
