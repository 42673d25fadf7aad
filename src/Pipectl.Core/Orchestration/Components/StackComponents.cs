using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The parts a stack is made of, chosen from its settings: the one place in <c>Orchestration</c> that reads which source
/// a stack has; its site and deploy target come from <see cref="StackTargets"/>, each with its part here. Each part adds
/// its own entries (<see cref="IStackComponent"/>); the pipeline comes last, as it takes what the other parts ask of it.
/// A new deploy target is one <see cref="IDeployTarget"/> in <see cref="StackTargets"/> and one part in <see cref="DeployParts"/>.
/// </summary>
internal static class StackComponents
{
    /// <summary>The part of each deploy target, by <see cref="IDeployTarget.Name"/>.</summary>
    private static readonly Dictionary<string, Func<IStackComponent>> DeployParts = new(StringComparer.Ordinal)
    {
        [DeployTargets.S3] = () => new S3Deploy(),
        [DeployTargets.Ecs] = () => new EcsDeploy(),
    };

    /// <summary>The part of each site kind, by <see cref="ISiteKind.Name"/> (none for a target without a bucket).</summary>
    private static readonly Dictionary<string, Func<IStackComponent?>> SiteParts = new(StringComparer.Ordinal)
    {
        [StackTargets.Website.Name] = () => new WebsiteSite(),
        [StackTargets.PrivateWebsite.Name] = () => new WebsiteSite(),
        [StackTargets.CloudFront.Name] = () => new CloudFrontSite(),
        [StackTargets.NoSite.Name] = () => null,
    };

    public static IReadOnlyList<IStackComponent> For(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        List<IStackComponent> parts = spec.UsesConnection
            ? [new ConnectionSources()]
            : [new CodeCommitSource(), new EventBridgeTrigger()];
        if (PartOf(StackTargets.SiteOf(spec)) is { } site)
        {
            parts.Add(site);
        }

        parts.Add(PartOf(StackTargets.DeployOf(spec)));
        if (spec.Test is not null)
        {
            parts.Add(new TestStageEntries());
        }

        parts.Add(new ApprovalTopic());
        parts.Add(new PipelineCore());
        return parts;
    }

    /// <summary>The part that adds <paramref name="target"/>'s entries.</summary>
    public static IStackComponent PartOf(IDeployTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return DeployParts.TryGetValue(target.Name, out var part)
            ? part()
            : throw new InvalidOperationException($"the deploy target {target.Name} has no part: add it to {nameof(StackComponents)}.{nameof(DeployParts)}.");
    }

    /// <summary>The part that adds <paramref name="site"/>'s entries, or null when it has none.</summary>
    public static IStackComponent? PartOf(ISiteKind site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return SiteParts.TryGetValue(site.Name, out var part)
            ? part()
            : throw new InvalidOperationException($"the site {site.Name} has no part: add it to {nameof(StackComponents)}.{nameof(SiteParts)}.");
    }
}
