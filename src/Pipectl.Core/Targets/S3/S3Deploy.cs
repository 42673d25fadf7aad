using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The S3 deploy target: the deploy role the pipeline's Deploy action assumes to write the site bucket (added by the
/// site: <see cref="WebsiteSite"/> or <see cref="CloudFrontSite"/>).
/// </summary>
internal sealed class S3Deploy : IStackComponent
{
    public void Contribute(StackBuilder stack)
    {
        // The deploy role trusts the pipeline role by ARN, and IAM refuses a trust policy naming a role that does not exist yet.
        // IAM checks that principal only when the trust policy is written.
        var role = new ResourceEntry<RoleSpec, RoleState>(
            ResourceKeys.DeployRole,
            StackParts.Pipeline,
            [ResourceKeys.PipelineRole],
            RoleSpec.From(stack.Policies.DeployRole, stack.Tags),
            d => d.Roles)
        {
            NameOption = StackOptionNames.DeployRoleName,
            NeededOnlyToCreate = [ResourceKeys.PipelineRole],
        };
        stack.Add(role);
    }
}
