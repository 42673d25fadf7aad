using System.Text.Json.Nodes;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Targets;

namespace Pipectl.Core.Export;

/// <summary>
/// The template <c>pipectl export</c> prints for a stack: its specs (one per environment) built with the stack
/// name, account and region tokens of <see cref="TemplateTokens"/>, each branch turned into a parameter
/// (<c>Branch</c>, or <c>&lt;Environment&gt;Branch</c> per environment), and the stack name a parameter too.
/// </summary>
public static class StackTemplate
{
    /// <summary>The template format <c>--format</c> names.</summary>
    public const string CloudFormationFormat = "cloudformation";

    /// <summary>Stack names as pipectl accepts them (they end up in bucket names); CloudFormation checks a deployment's value.</summary>
    public const string StackNamePattern = "^[a-z][a-z0-9-]*$";

    /// <summary>
    /// The template of <paramref name="stackName"/>. <paramref name="specsFor"/> makes the stack's specs (one per
    /// environment) for a stack name, region and account, as bootstrap makes them; it is called with the tokens.
    /// <paramref name="retain"/> keeps every resource when CloudFormation deletes it (for a resource import).
    /// </summary>
    public static JsonObject For(string stackName, Func<string, string, string, IReadOnlyList<EnvironmentStackSpec>> specsFor, bool retain = false)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(specsFor);
        var tokenized = specsFor(TemplateTokens.StackName, TemplateTokens.Region, TemplateTokens.AccountId);
        List<TemplateParameter> parameters =
        [
            new(TemplateTokens.StackNameParameter, stackName, "The pipectl stack name: every default resource name derives from it, and the pipectl:stack tag carries it", StackNamePattern),
        ];
        var specs = new List<EnvironmentStackSpec>();
        foreach (var (environment, spec) in tokenized)
        {
            var parameter = BranchParameter(environment);
            parameters.Add(new TemplateParameter(parameter, spec.Branch, environment is null
                ? "The branch the pipeline builds and the trigger watches"
                : $"The branch the {environment} pipeline builds and its trigger watches"));
            specs.Add(new EnvironmentStackSpec(environment, spec with { Branch = TemplateTokens.Token(parameter) }));
        }

        // What only the deploying account knows of each deploy target the environments use, each once.
        parameters.AddRange(specs.Select(s => StackTargets.DeployOf(s.Spec)).Distinct().SelectMany(t => t.TemplateParameters));

        var environments = tokenized.Count > 1 ? $" ({string.Join(", ", tokenized.Select(s => s.Environment))})" : string.Empty;
        var description = $"pipectl stack {stackName}{environments}: CodeCommit -> CodeBuild -> CodePipeline -> S3 website (exported by pipectl export)";
        return CloudFormationTemplate.Build(specs, parameters, description, retain);
    }

    /// <summary>The specs of a stack file (all its environments, or the one <paramref name="environment"/> names) under another stack name.</summary>
    public static IReadOnlyList<EnvironmentStackSpec> FileSpecs(StackFile file, string? environment, string stackName, string region, string accountId, StackOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var named = file with { Name = stackName };
        return environment is null ? named.ToSpecs(region, accountId, overrides) : [named.ToSpec(environment, region, accountId, overrides)];
    }

    /// <summary>The branch parameter of an environment: <c>Branch</c>, or <c>StagingBranch</c> for <c>staging</c>.</summary>
    public static string BranchParameter(string? environment) =>
        environment is null ? "Branch" : CloudFormationTemplate.LogicalId(environment) + "Branch";
}
