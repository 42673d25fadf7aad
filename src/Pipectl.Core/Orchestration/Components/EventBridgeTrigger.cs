using Pipectl.Core.Pipelines;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>The EventBridge rule (and the role it starts the pipeline with) that starts the pipeline on a push to the CodeCommit branch.</summary>
internal sealed class EventBridgeTrigger : IStackComponent
{
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var arns = stack.Arns;
        var rule = new RuleSpec(
            spec.RuleName,
            $"Starts {spec.PipelineName} on a push to {spec.Branch} of {spec.RepositoryName} (managed by pipectl)",
            TriggerEventPattern.Create(arns.Repository, spec.Branch),
            new RuleTarget(DesiredStack.RuleTargetId, arns.Pipeline, arns.EventsRole),
            stack.Tags);
        var role = stack.AddRole(ResourceKeys.EventsRole, StackParts.Trigger, [], stack.Policies.EventsRole, StackOptionNames.EventsRoleName);

        // The rule's pattern names the repository. Its target names the pipeline, but EventBridge looks neither
        // the pipeline nor the role up when PutTargets is called, only when the rule fires: the rule is made
        // alongside the pipeline (off the pipeline's wait for IAM), and deleted alongside it and the role.
        stack.Add(new ResourceEntry<RuleSpec, RuleState>(ResourceKeys.Rule, StackParts.Trigger, [role.Key, ResourceKeys.Repository], rule, d => d.Rules)
        {
            NeededOnlyToCreate = [role.Key],
            NameOption = StackOptionNames.RuleName,
            Outputs = _ => new Dictionary<string, string> { [StackOutputs.RuleName] = spec.RuleName },
        });
    }
}
