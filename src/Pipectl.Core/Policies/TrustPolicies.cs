namespace Pipectl.Core.Policies;

/// <summary>The trust (assume-role) policy documents of pipectl's roles.</summary>
public static class TrustPolicies
{
    /// <summary>
    /// Lets one AWS service assume the role. One statement per service, with <c>Principal.Service</c> a plain
    /// string: moto's CreatePipeline accepts the pipeline role only in that form.
    /// </summary>
    public static PolicyDocument ForService(string servicePrincipal) =>
        new([
            new PolicyStatement("TrustService", PolicyStatement.AllowEffect, [PolicyActions.StsAssumeRole], [])
            {
                Principal = PolicyPrincipal.Service(servicePrincipal),
            },
        ]);

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
