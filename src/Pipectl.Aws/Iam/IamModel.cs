namespace Pipectl.Aws.Iam;

// Shapes of the IAM operations pipectl calls (botocore iam 2010-05-08, Query protocol).

/// <summary>A role as IAM describes it. The trust policy comes back URL-encoded, as AWS sends it.</summary>
public sealed record IamRole(string RoleName, string Arn, string? RoleId, string? Path, string? AssumeRolePolicyDocument, string? Description, IReadOnlyDictionary<string, string> Tags);

public sealed record IamTag(string Key, string Value);
