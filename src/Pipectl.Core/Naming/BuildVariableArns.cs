using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Naming;

/// <summary>
/// The ARNs of the Parameter Store parameters and Secrets Manager secrets a stack's build variables refer to:
/// exactly what the build role may read (ssm:GetParameters, secretsmanager:GetSecretValue), nothing more.
/// </summary>
public static class BuildVariableArns
{
    /// <summary>The parameter ARNs of the PARAMETER_STORE variables, sorted, without repeats.</summary>
    public static IReadOnlyList<string> Parameters(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.EnvironmentVariables.Values
            .Where(v => v.Type == BuildVariableTypes.ParameterStore)
            .Select(v => v.Value.StartsWith("arn:", StringComparison.Ordinal)
                ? v.Value
                : $"arn:{AwsPartition.ForRegion(spec.Region)}:ssm:{spec.Region}:{Account(spec)}:parameter/{v.Value.TrimStart('/')}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The secret ARNs of the SECRETS_MANAGER variables, sorted, without repeats. A secret's ARN ends in a
    /// random six-character suffix that a name does not carry, so a name grants <c>name-??????</c> (as the Secrets
    /// Manager documentation advises) and an ARN grants itself and itself followed by the suffix.
    /// </summary>
    public static IReadOnlyList<string> Secrets(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.EnvironmentVariables.Values
            .Where(v => v.Type == BuildVariableTypes.SecretsManager)
            .Select(v => BuildVariableRules.SecretId(v.Value))
            .OfType<string>()
            .SelectMany(id => id.StartsWith("arn:", StringComparison.Ordinal)
                ? new[] { id, id + "-??????" }
                : [$"arn:{AwsPartition.ForRegion(spec.Region)}:secretsmanager:{spec.Region}:{Account(spec)}:secret:{id}-??????"])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Account(StackSpec spec) => spec.AccountId ?? StackNames.AccountPlaceholder;
}
