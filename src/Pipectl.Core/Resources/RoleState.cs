namespace Pipectl.Core.Resources;

/// <summary>An IAM role as read back: documents decoded from IAM's URL encoding.</summary>
public sealed record RoleState(
    string Name,
    string Arn,
    string TrustPolicy,
    IReadOnlyDictionary<string, string> InlinePolicies,
    IReadOnlyDictionary<string, string> Tags) : ITaggedState
{
    /// <summary>
    /// The names of every inline policy of the role, pipectl's or not, when teardown's read listed them (they go
    /// before the role); null when they were not listed.
    /// </summary>
    public IReadOnlyList<string>? ListedPolicyNames { get; init; }
}
