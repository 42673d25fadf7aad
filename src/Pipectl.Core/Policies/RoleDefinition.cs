namespace Pipectl.Core.Policies;

/// <summary>The desired state of one IAM role: its trust policy and its one inline least-privilege policy.</summary>
/// <param name="Name">The role name.</param>
/// <param name="Arn">The role ARN.</param>
/// <param name="Description">What the role is for (the IAM role description).</param>
/// <param name="TrustPolicy">Who may assume it.</param>
/// <param name="InlinePolicyName">The name of its inline policy.</param>
/// <param name="InlinePolicy">What it may do.</param>
public sealed record RoleDefinition(
    string Name,
    string Arn,
    string Description,
    PolicyDocument TrustPolicy,
    string InlinePolicyName,
    PolicyDocument InlinePolicy);
