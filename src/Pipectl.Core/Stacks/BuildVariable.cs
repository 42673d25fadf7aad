namespace Pipectl.Core.Stacks;

/// <summary>
/// One environment variable of the build project, as CodeBuild's <c>EnvironmentVariable</c> has it: for
/// <see cref="BuildVariableTypes.PlainText"/> the value itself (readable by anyone who can read the project),
/// for <see cref="BuildVariableTypes.ParameterStore"/> a parameter name and for
/// <see cref="BuildVariableTypes.SecretsManager"/> a secret reference (<c>name-or-arn[:json-key[:stage[:version]]]</c>),
/// which CodeBuild resolves at build time with the build role. pipectl never prints a value.
/// </summary>
public sealed record BuildVariable(string Value, string Type = BuildVariableTypes.PlainText)
{
    /// <summary>True when the value is a reference CodeBuild resolves, not the value itself.</summary>
    public bool IsReference => Type != BuildVariableTypes.PlainText;
}
