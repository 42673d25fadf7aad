namespace Pipectl.Aws.Iam;

// Shapes of the IAM operations pipectl calls (botocore iam 2010-05-08, Query protocol).
// Policy documents: IAM returns them URL-encoded (RFC 3986). Members named "...Document" hold the text exactly
// as AWS sent it; the matching "...Json" property is the decoded JSON (Uri.UnescapeDataString).

/// <summary>
/// A role as IAM describes it. <see cref="AssumeRolePolicyDocument"/> is the trust policy URL-encoded, as AWS
/// sends it; <see cref="AssumeRolePolicyJson"/> is the same policy decoded to JSON.
/// </summary>
public sealed record IamRole(
    string RoleName,
    string Arn,
    string? RoleId,
    string? Path,
    string? AssumeRolePolicyDocument,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    int? MaxSessionDuration = null,
    DateTimeOffset? CreateDate = null)
{
    /// <summary>The trust policy decoded to JSON (null when the reply carried none).</summary>
    public string? AssumeRolePolicyJson => IamPolicyText.Decode(AssumeRolePolicyDocument);
}

/// <summary>A tag on an IAM resource.</summary>
public sealed record IamTag(string Key, string Value);

/// <summary>What CreateRole sends. <see cref="AssumeRolePolicyDocument"/> is the trust policy as plain JSON.</summary>
public sealed record CreateRoleRequest(
    string RoleName,
    string AssumeRolePolicyDocument,
    string? Description = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    string? Path = null,
    int? MaxSessionDuration = null);

/// <summary>
/// An inline policy of a role (GetRolePolicy). <see cref="PolicyDocument"/> is URL-encoded, as AWS sends it;
/// <see cref="PolicyJson"/> is the decoded JSON.
/// </summary>
public sealed record IamRolePolicy(string RoleName, string PolicyName, string PolicyDocument)
{
    /// <summary>The policy decoded to JSON.</summary>
    public string PolicyJson => IamPolicyText.Decode(PolicyDocument) ?? string.Empty;
}

/// <summary>
/// One decision of SimulatePrincipalPolicy: <see cref="Decision"/> is <c>allowed</c>, <c>explicitDeny</c> or
/// <c>implicitDeny</c> for <see cref="Action"/> on <see cref="Resource"/> (an ARN, or <c>*</c>).
/// </summary>
public sealed record IamSimulatedDecision(string Action, string Resource, string Decision)
{
    /// <summary>True when the identity policies allow the action on the resource.</summary>
    public bool Allowed => string.Equals(Decision, "allowed", StringComparison.Ordinal);
}

/// <summary>Decodes the URL-encoded policy documents IAM returns.</summary>
public static class IamPolicyText
{
    /// <summary>The decoded JSON of a policy document as IAM returned it; plain JSON passes through unchanged.</summary>
    public static string? Decode(string? document) => document is null ? null : Uri.UnescapeDataString(document);
}
