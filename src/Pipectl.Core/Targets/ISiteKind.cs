using Pipectl.Core.Pipelines;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Targets;

/// <summary>
/// The site a deploy target that writes a bucket serves (<c>--site</c>, <c>--private-site</c>): a public website
/// bucket, a private bucket, or a private bucket behind CloudFront; <see cref="StackTargets.NoSite"/> for a target
/// with no bucket. <see cref="StackTargets.SiteOf"/> picks it from a spec.
/// </summary>
public interface ISiteKind
{
    /// <summary>Its name in messages and tests: <c>website</c>, <c>private</c>, <c>cloudfront</c>, <c>none</c>.</summary>
    string Name { get; }

    /// <summary>Whether the site bucket gets a public read policy, which the account's Block Public Access can forbid (<c>PublicSitePreflight</c>).</summary>
    bool PublicBucket { get; }

    /// <summary>The stages the pipeline runs after its Deploy stage for this site (CloudFront: Invalidate), in order.</summary>
    IReadOnlyList<PipelineStage> StagesAfterDeploy(StackSpec spec);

    /// <summary>
    /// True when <paramref name="deployed"/> (a pipeline as read) runs this site's stages for <paramref name="spec"/>'s
    /// own projects: how a teardown given only <c>--name</c> finds a site its spec does not name.
    /// </summary>
    bool RunsIn(PipelineDeclaration deployed, StackSpec spec);

    /// <summary><paramref name="spec"/> with this site (what a discovered site completes a teardown's spec with).</summary>
    StackSpec ApplyTo(StackSpec spec);
}
