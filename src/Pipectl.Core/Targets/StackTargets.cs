using Pipectl.Core.Stacks;

namespace Pipectl.Core.Targets;

/// <summary>
/// The deploy targets and site kinds pipectl knows, and the one place that reads a spec's deploy-target and site
/// settings to choose them (the parts a stack is made of follow from them: <c>StackComponents.For</c>). A new deploy
/// target is one <see cref="IDeployTarget"/> here and its part in <c>Orchestration</c>; <c>StackTargetsTests</c> walks them all.
/// </summary>
public static class StackTargets
{
    public static S3DeployTarget S3 { get; } = new();

    public static EcsDeployTarget Ecs { get; } = new();

    /// <summary>Every deploy target, one per <see cref="DeployTargets"/> value.</summary>
    public static IReadOnlyList<IDeployTarget> Deploys { get; } = [S3, Ecs];

    public static ISiteKind Website { get; } = new WebsiteSiteKind(isPrivate: false);

    public static ISiteKind PrivateWebsite { get; } = new WebsiteSiteKind(isPrivate: true);

    public static CloudFrontSiteKind CloudFront { get; } = new();

    public static ISiteKind NoSite { get; } = new NoSiteKind();

    /// <summary>Every site kind.</summary>
    public static IReadOnlyList<ISiteKind> Sites { get; } = [Website, PrivateWebsite, CloudFront, NoSite];

    /// <summary>
    /// The deploy target <paramref name="spec"/> names. A value no target has is refused by validation before a stack is
    /// built; until then it reads as the default, S3.
    /// </summary>
    public static IDeployTarget DeployOf(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Deploys.FirstOrDefault(t => string.Equals(t.Name, spec.Deploy, StringComparison.Ordinal)) ?? S3;
    }

    /// <summary>The site of <paramref name="spec"/>: <see cref="NoSite"/> when its deploy target writes no bucket.</summary>
    public static ISiteKind SiteOf(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return !DeployOf(spec).HasSite ? NoSite
            : spec.IsCloudFrontSite ? CloudFront
            : spec.PrivateSite ? PrivateWebsite
            : Website;
    }
}
