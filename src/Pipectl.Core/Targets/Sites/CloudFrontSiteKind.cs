using Pipectl.Core.Pipelines;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Targets;

/// <summary>
/// The CloudFront site (<c>--site cloudfront</c>): a private bucket read only by the distribution, and an Invalidate
/// stage after the deploy whose CodeBuild project invalidates <c>/*</c>. Its entries are the <c>CloudFrontSite</c> part.
/// </summary>
public sealed class CloudFrontSiteKind : ISiteKind
{
    /// <summary>
    /// The Invalidate stage: after the deploy, a CodeBuild project invalidates <c>/*</c> so the next request reads the
    /// new objects instead of the edge caches' copies.
    /// </summary>
    public const string InvalidateStageName = "Invalidate";

    public string Name => SiteTypes.CloudFront;

    public bool PublicBucket => false;

    // A CodeBuild action needs an input artifact: the build output is the smallest one the pipeline already has.
    public IReadOnlyList<PipelineStage> StagesAfterDeploy(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [PipelineDeclarationFactory.CodeBuildStage(InvalidateStageName, spec.InvalidationProjectName, PipelineDeclarationFactory.BuildOutputArtifact, [])];
    }

    public bool RunsIn(PipelineDeclaration deployed, StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return PipelineDeclarationFactory.CodeBuildAction(deployed, InvalidateStageName, spec.InvalidationProjectName) is not null;
    }

    public StackSpec ApplyTo(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec with { Site = SiteTypes.CloudFront };
    }
}
