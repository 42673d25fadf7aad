using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>The SNS topic the manual approval mails its approver through (<c>--approval-email</c>).</summary>
internal sealed class ApprovalTopic : IStackComponent
{
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;

        // Teardown removes a topic left from when the stack mailed approvals, so the entry is there without an email too.
        var topic = new TopicSpec(spec.ApprovalTopicName, spec.ApprovalEmail ?? string.Empty, stack.Tags);
        stack.Add(new ResourceEntry<TopicSpec, TopicState>(ResourceKeys.ApprovalTopic, StackParts.Pipeline, [], topic, d => d.Topics)
        {
            Wanted = spec.HasApprovalTopic,
            NameOption = StackOptionNames.ApprovalTopicName,
            Outputs = state => state is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [StackOutputs.ApprovalTopicArn] = state.Arn },
        });
    }
}
