namespace Pipectl.Core.Resources;

/// <summary>An IAM role as read back: documents decoded from IAM's URL encoding.</summary>
public sealed record RoleState(
    string Name,
    string Arn,
    string TrustPolicy,
    IReadOnlyDictionary<string, string> InlinePolicies,
    IReadOnlyDictionary<string, string> Tags) : ITaggedState;
