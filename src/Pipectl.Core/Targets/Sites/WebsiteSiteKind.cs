using Pipectl.Core.Pipelines;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Targets;

/// <summary>
/// The S3 static-website site: the bucket serves the website endpoint with a public read policy, or, with
/// <c>--private-site</c>, keeps Block Public Access on and has no policy. No stage after the deploy.
/// </summary>
public sealed class WebsiteSiteKind(bool isPrivate) : ISiteKind
{
    public string Name => isPrivate ? "private" : "website";

    public bool PublicBucket => !isPrivate;

    public IReadOnlyList<PipelineStage> StagesAfterDeploy(StackSpec spec) => [];

    public bool RunsIn(PipelineDeclaration deployed, StackSpec spec) => false;

    public StackSpec ApplyTo(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec with { Site = SiteTypes.S3Website, PrivateSite = isPrivate };
    }
}

/// <summary>The site of a deploy target that writes no bucket (<see cref="IDeployTarget.HasSite"/> false): nothing.</summary>
public sealed class NoSiteKind : ISiteKind
{
    public string Name => "none";

    public bool PublicBucket => false;

    public IReadOnlyList<PipelineStage> StagesAfterDeploy(StackSpec spec) => [];

    public bool RunsIn(PipelineDeclaration deployed, StackSpec spec) => false;

    public StackSpec ApplyTo(StackSpec spec) => spec;
}
