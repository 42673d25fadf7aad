using Pipectl.Core.Orchestration;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Resources;

/// <summary>
/// A plan shows which parameter or secret the build role may read: the reference is a name or an ARN, not the
/// secret, and a reviewer needs it. Variable values themselves are never shown.
/// </summary>
public sealed class BuildVariableReferenceTests
{
    private static DesiredStack WithReferences() => DesiredStack.From(TestStacks.Demo() with
    {
        EnvironmentVariables = new Dictionary<string, BuildVariable>
        {
            ["API_KEY"] = new("prod/api:token", BuildVariableTypes.SecretsManager),
            ["DB_HOST"] = new("/app/db-host", BuildVariableTypes.ParameterStore),
            ["TITLE"] = new("plain title text", BuildVariableTypes.PlainText),
        },
    });

    [Fact]
    public void The_build_roles_statements_in_the_plan_name_each_parameter_and_secret()
    {
        var shown = DesiredDocument.Of(WithReferences().BuildRole)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("secret:prod/api-??????", shown, StringComparison.Ordinal);
        Assert.Contains("parameter/app/db-host", shown, StringComparison.Ordinal);
        Assert.Contains("secretsmanager:GetSecretValue", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<API_KEY>", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_desired_project_lists_variables_by_name_and_type_only()
    {
        var project = DesiredDocument.Of(WithReferences().BuildProject)!.ToJsonString();

        Assert.Contains("\"API_KEY\":{\"type\":\"SECRETS_MANAGER\"}", project, StringComparison.Ordinal);
        Assert.DoesNotContain("prod/api", project, StringComparison.Ordinal);
        Assert.DoesNotContain("plain title text", project, StringComparison.Ordinal);
    }
}
