using System.Collections.Immutable;

namespace Pipectl.Core.Stacks;

/// <summary>CodeBuild's <c>EnvironmentVariableType</c>.</summary>
public static class BuildVariableTypes
{
    /// <summary>The value is stored in the project, readable by anyone who can read the project.</summary>
    public const string PlainText = "PLAINTEXT";

    /// <summary>The value is the name (or ARN) of an SSM Parameter Store parameter.</summary>
    public const string ParameterStore = "PARAMETER_STORE";

    /// <summary>The value names a Secrets Manager secret (and optionally a JSON key, stage and version).</summary>
    public const string SecretsManager = "SECRETS_MANAGER";

    /// <summary>Every type, as the service model lists them.</summary>
    public static ImmutableArray<string> All { get; } = [PlainText, ParameterStore, SecretsManager];
}
