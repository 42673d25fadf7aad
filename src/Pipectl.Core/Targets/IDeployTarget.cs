using Pipectl.Core.Export;
using Pipectl.Core.Naming;
using Pipectl.Core.Policies;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Targets;

/// <summary>
/// Where the pipeline's Deploy stage delivers (<c>--deploy</c>, <c>deploy:</c>): what the pipeline, the policies and
/// export ask of it instead of switching on the setting. <see cref="StackTargets.DeployOf"/> picks it from a spec; the
/// entries it owns are its part in <c>Orchestration</c> (<c>StackComponents.For</c>).
/// </summary>
public interface IDeployTarget
{
    /// <summary>The setting's value that selects it (<see cref="DeployTargets"/>).</summary>
    string Name { get; }

    /// <summary>Whether the stack has a site bucket (and so a <see cref="ISiteKind"/>): the S3 target writes one, a container target has none.</summary>
    bool HasSite { get; }

    /// <summary>The CodePipeline provider of the Deploy action (category <c>Deploy</c>, owner <c>AWS</c>).</summary>
    string ActionProvider { get; }

    /// <summary>The Deploy action's configuration for <paramref name="spec"/>.</summary>
    IReadOnlyDictionary<string, string> ActionConfiguration(StackSpec spec);

    /// <summary>What the approval mail says is deployed to: <c>s3://bucket</c>, <c>ECS service cluster/service</c>.</summary>
    string ApprovalSubject(StackSpec spec);

    /// <summary>The role the Deploy action runs with, as planned (trusted by the pipeline role).</summary>
    RoleDefinition DeployRole(StackSpec spec, StackArns arns);

    /// <summary>What the build role needs beyond the build itself to produce this target's artifact (an image push), or nothing.</summary>
    IEnumerable<PolicyStatement> BuildRoleStatements(StackSpec spec);

    /// <summary>The template parameters an exported stack with this target asks of whoever deploys it (values only a read of the account tells).</summary>
    IReadOnlyList<TemplateParameter> TemplateParameters { get; }

    /// <summary>The deploy role as an exported template writes it (from <see cref="TemplateParameters"/>), or null: the role as planned.</summary>
    RoleDefinition? TemplateDeployRole(StackSpec spec);
}
