using System.Text.RegularExpressions;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Validation;

/// <summary>
/// The rules for build environment variables: names a shell can use, references of the right shape, and a
/// warning for a plain-text variable whose name says it is a secret.
/// </summary>
public static partial class BuildVariableRules
{
    /// <summary>Parts of a name that say "this is a secret".</summary>
    private static readonly string[] SecretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "PRIVATE"];

    /// <summary>Why <paramref name="name"/> cannot be a variable name, or null when it can.</summary>
    public static string? NameProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!VariableName().IsMatch(name))
        {
            return "variable names are letters, digits and underscores, not starting with a digit (no spaces, no '=')";
        }

        return name.StartsWith("CODEBUILD_", StringComparison.Ordinal)
            ? "it starts with CODEBUILD_, which CodeBuild reserves for its own variables"
            : null;
    }

    /// <summary>Why a reference variable's value cannot name what its type says, or null when it can.</summary>
    public static string? ReferenceProblem(BuildVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return variable.Type switch
        {
            BuildVariableTypes.ParameterStore when !ParameterName().IsMatch(variable.Value) =>
                "a PARAMETER_STORE value is a parameter name such as /my-app/db-password (letters, digits and _ . - /) or its ARN",
            BuildVariableTypes.SecretsManager when SecretId(variable.Value) is null =>
                "a SECRETS_MANAGER value is secret-name-or-ARN[:json-key[:version-stage[:version-id]]]",
            _ => null,
        };
    }

    /// <summary>The warnings for plain-text variables whose names look secret.</summary>
    public static IEnumerable<string> Warnings(IReadOnlyDictionary<string, BuildVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, variable) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var upper = name.ToUpperInvariant();
            if (!variable.IsReference && SecretWords.FirstOrDefault(w => upper.Contains(w, StringComparison.Ordinal)) is { } word)
            {
                yield return $"build variable {name} is PLAINTEXT but its name says {word}: anyone who can read the CodeBuild project sees its value; keep it in Parameter Store or Secrets Manager and write `{name}: {{type: PARAMETER_STORE, value: /path/to/parameter}}` (or type: SECRETS_MANAGER)";
            }
        }
    }

    /// <summary>
    /// The secret id of a SECRETS_MANAGER value (a name or a full ARN), without the json-key, stage and
    /// version parts; null when the value has no usable secret id.
    /// </summary>
    public static string? SecretId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(':');
        var id = value.StartsWith("arn:", StringComparison.Ordinal)
            ? (parts.Length >= 7 ? string.Join(':', parts[..7]) : null)
            : parts[0];
        if (id is null || parts.Length > (value.StartsWith("arn:", StringComparison.Ordinal) ? 10 : 4))
        {
            return null;
        }

        return id.StartsWith("arn:", StringComparison.Ordinal) ? (SecretArn().IsMatch(id) ? id : null) : (SecretName().IsMatch(id) ? id : null);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex VariableName();

    /// <summary>SSM parameter names (letters, digits and _ . - /) or a parameter ARN.</summary>
    [GeneratedRegex(@"^(arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter/[A-Za-z0-9_.\-/]+|[A-Za-z0-9_.\-/]{1,2048})\z")]
    private static partial Regex ParameterName();

    /// <summary>Secrets Manager secret names: letters, digits and / _ + = . @ -.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9/_+=.@-]{1,512}\z")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+\z")]
    private static partial Regex SecretArn();
}
