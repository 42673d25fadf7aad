using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Resources;

public sealed class ReferenceRedactorTests
{
    private static DesiredStack WithReferences() => DesiredStack.From(TestStacks.Demo() with
    {
        EnvironmentVariables = new Dictionary<string, BuildVariable>
        {
            ["API_KEY"] = new("prod/api:token", BuildVariableTypes.SecretsManager),
            ["DB_HOST"] = new("/app/db-host", BuildVariableTypes.ParameterStore),
            ["TITLE"] = new("prod/api", BuildVariableTypes.PlainText),
        },
    });

    [Fact]
    public void The_build_roles_statements_name_each_reference_by_its_variable_and_keep_the_rest()
    {
        var stack = WithReferences();
        var redactor = ReferenceRedactor.For([stack.BuildProject]);
        var outcome = new ResourceOutcome(ResourceTypes.Role, stack.BuildRole.Name, null, ResourceAction.WouldCreate) { Desired = DesiredDocument.Of(stack.BuildRole) };

        var shown = redactor.Redact(outcome).Desired!.ToJsonString();

        Assert.DoesNotContain("prod/api", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("app/db-host", shown, StringComparison.Ordinal);
        Assert.Contains("secret:<API_KEY>-??????", redactor.Redact(stack.BuildRole.InlinePolicies.Values.Single()), StringComparison.Ordinal);
        Assert.Contains("parameter/<DB_HOST>", redactor.Redact(stack.BuildRole.InlinePolicies.Values.Single()), StringComparison.Ordinal);
        Assert.Contains("secretsmanager:GetSecretValue", shown, StringComparison.Ordinal);
        Assert.Equal("a prod/api b", redactor.Redact("a prod/api b"));
    }

    [Fact]
    public void The_desired_project_lists_variables_by_name_and_type_only()
    {
        var project = DesiredDocument.Of(WithReferences().BuildProject)!.ToJsonString();

        Assert.Contains("\"API_KEY\":{\"type\":\"SECRETS_MANAGER\"}", project, StringComparison.Ordinal);
        Assert.DoesNotContain("prod/api", project, StringComparison.Ordinal);
    }
}
