using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The parts a stack is made of, chosen from its settings: the one place that reads which source, site and deploy
/// target a stack has. Each part adds its own entries (<see cref="IStackComponent"/>); the pipeline comes last, as
/// it takes what the other parts ask of it. A new deploy target is one component and one line here.
/// </summary>
internal static class StackComponents
{
    public static IReadOnlyList<IStackComponent> For(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        List<IStackComponent> parts = spec.UsesConnection
            ? [new ConnectionSources()]
            : [new CodeCommitSource(), new EventBridgeTrigger()];
        if (spec.IsEcsDeploy)
        {
            parts.Add(new EcsDeploy());
        }
        else
        {
            parts.Add(spec.IsCloudFrontSite ? new CloudFrontSite() : new WebsiteSite());
            parts.Add(new S3Deploy());
        }

        if (spec.Test is not null)
        {
            parts.Add(new TestStageEntries());
        }

        parts.Add(new ApprovalTopic());
        parts.Add(new PipelineCore());
        return parts;
    }
}
