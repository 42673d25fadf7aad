namespace Pipectl.Core.Policies;

/// <summary>The trust (assume-role) policy documents of pipectl's roles.</summary>
public static class TrustPolicies
{
    /// <summary>The global condition key holding the account of the resource a service acts for.</summary>
    public const string SourceAccountKey = "aws:SourceAccount";

    /// <summary>The global condition key holding the ARN of the resource a service acts for.</summary>
    public const string SourceArnKey = "aws:SourceArn";

    /// <summary>The suffix of a condition operator that holds where the request context lacks the key.</summary>
    public const string IfExistsSuffix = "IfExists";

    /// <summary>
    /// Lets one AWS service assume the role, only on behalf of <paramref name="sourceAccount"/> (and, where the
    /// service sets it, of the one resource <paramref name="sourceArn"/>): AWS's protection against the
    /// cross-service confused deputy (IAM User Guide, "The confused deputy problem"), so no other account's
    /// project, pipeline or rule can have the service act with this role. Where no AWS page documents that the
    /// service sends the keys when it assumes the role (<paramref name="keysDocumented"/> false), the conditions
    /// take the <c>...IfExists</c> form: they still refuse another account where the key is sent, and cannot lock
    /// the service out where it is not. docs/trust-conditions.md names the page behind each trust.
    /// </summary>
    public static PolicyDocument ForService(string servicePrincipal, string sourceAccount, string? sourceArn = null, bool keysDocumented = true)
    {
        var suffix = keysDocumented ? string.Empty : IfExistsSuffix;
        List<PolicyCondition> conditions = [new("StringEquals" + suffix, SourceAccountKey, sourceAccount)];
        if (sourceArn is not null)
        {
            conditions.Add(new("ArnEquals" + suffix, SourceArnKey, sourceArn));
        }

        return new([
            new PolicyStatement("TrustService", PolicyStatement.AllowEffect, [PolicyActions.StsAssumeRole], [])
            {
                Principal = PolicyPrincipal.Service(servicePrincipal),
                Conditions = conditions,
            },
        ]);
    }

    /// <summary>
    /// Lets one role assume this role. The S3 deploy action carries its own <c>roleArn</c>, and CodePipeline
    /// assumes an action role with the pipeline's service role, not as the service: so the deploy role trusts
    /// the pipeline role's ARN (and the pipeline role is granted <c>sts:AssumeRole</c> on the deploy role).
    /// IAM rejects a trust policy naming a role that does not exist yet, so create the pipeline role first.
    /// </summary>
    public static PolicyDocument ForRole(string roleArn) =>
        new([
            new PolicyStatement("TrustRole", PolicyStatement.AllowEffect, [PolicyActions.StsAssumeRole], [])
            {
                Principal = PolicyPrincipal.Aws(roleArn),
            },
        ]);
}
