namespace Pipectl.Core.Policies;

/// <summary>Who a resource-based or trust policy statement applies to.</summary>
/// <param name="Kind"><c>Service</c>, <c>AWS</c>, or <c>*</c> for anyone.</param>
/// <param name="Value">The service principal or ARN; <c>*</c> for anyone.</param>
public sealed record PolicyPrincipal(string Kind, string Value)
{
    /// <summary>Anyone, written <c>"Principal":"*"</c>: only the public website's read statement uses it.</summary>
    public static PolicyPrincipal Anyone { get; } = new("*", "*");

    /// <summary>An AWS service, written <c>{"Service":"codebuild.amazonaws.com"}</c> (one service per statement).</summary>
    public static PolicyPrincipal Service(string servicePrincipal) => new("Service", servicePrincipal);

    /// <summary>An IAM principal by ARN, written <c>{"AWS":"arn:..."}</c>.</summary>
    public static PolicyPrincipal Aws(string arn) => new("AWS", arn);
}
