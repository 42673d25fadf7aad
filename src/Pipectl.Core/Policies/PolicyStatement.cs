namespace Pipectl.Core.Policies;

/// <summary>One statement of a policy document.</summary>
/// <param name="Sid">A statement ID that says what the statement is for.</param>
/// <param name="Effect"><c>Allow</c> or <c>Deny</c>.</param>
/// <param name="Actions">The actions; never <c>*</c> in an IAM role policy.</param>
/// <param name="Resources">The resource ARNs; empty in trust policies (they have none).</param>
public sealed record PolicyStatement(string Sid, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources)
{
    /// <summary>The <c>Allow</c> effect.</summary>
    public const string AllowEffect = "Allow";

    /// <summary>The <c>Deny</c> effect.</summary>
    public const string DenyEffect = "Deny";

    /// <summary>The principal, for trust and bucket policies; null in identity (role inline) policies.</summary>
    public PolicyPrincipal? Principal { get; init; }

    /// <summary>The conditions, if any.</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>An <c>Allow</c> statement without a principal (for a role's inline policy).</summary>
    public static PolicyStatement Allow(string sid, IReadOnlyList<string> actions, IReadOnlyList<string> resources) =>
        new(sid, AllowEffect, actions, resources);
}
