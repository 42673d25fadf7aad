using Pipectl.Core.Pipelines;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The optional stages a deployed pipeline runs that the spec of a teardown does not name: a teardown given only
/// <c>--name</c> must still remove the Test stage's project, role and report groups and a CloudFront site's
/// distribution and Invalidate project, which only <c>--test-buildspec</c> or <c>--site cloudfront</c> (or the stack
/// file) would otherwise bring into the graph. Only stages whose action names the stack's own project count; each
/// resource found this way is still deleted only when its tags say it is the stack's
/// (<see cref="Provisioning.StackOwnership"/>), so a look-alike pipeline cannot widen what is deleted.
/// </summary>
/// <param name="CloudFrontSite">The pipeline has the Invalidate stage of a CloudFront site.</param>
/// <param name="TestInput">The Test stage's input (<see cref="TestInputs"/>), or null when there is no Test stage.</param>
/// <param name="TestBuildspec">
/// The test project's buildspec as CodeBuild holds it (its <c>reports:</c> name the report groups); null when it could
/// not be read, which still removes the project and its role.
/// </param>
public sealed record DeployedStages(bool CloudFrontSite, string? TestInput, string? TestBuildspec = null)
{
    /// <summary>
    /// The cluster and service of a deployed Amazon ECS deploy action run with the stack's deploy role, and the ECR
    /// repository the build project's <c>REPOSITORY_URI</c> names (null when unread: the default name); null when the
    /// pipeline deploys to S3.
    /// </summary>
    public EcsDeployment? Ecs { get; init; }

    public static DeployedStages None { get; } = new(false, null);

    /// <summary>What <paramref name="deployed"/> runs beyond what <paramref name="spec"/> already has.</summary>
    public static DeployedStages Of(StackSpec spec, PipelineDeclaration deployed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(deployed);
        // The CloudFront site and the ECS deploy target each recognise their own stage or action (StackTargets).
        var cloudFront = !HasCloudFrontSite(spec) && StackTargets.CloudFront.RunsIn(deployed, spec);
        var test = spec.HasTestStage ? null : PipelineDeclarationFactory.CodeBuildAction(deployed, PipelineDeclarationFactory.TestStageName, spec.TestProjectName);
        var input = test is null ? null : test.InputArtifacts.Contains(PipelineDeclarationFactory.SourceOutputArtifact, StringComparer.Ordinal) ? TestInputs.Source : TestInputs.Build;
        return new DeployedStages(cloudFront, input) { Ecs = StackTargets.DeployOf(spec) == StackTargets.Ecs ? null : EcsDeployTarget.DeployedIn(deployed, spec) };
    }

    /// <summary>Whether <paramref name="spec"/> itself has the CloudFront site (<see cref="StackTargets.SiteOf"/>): nothing to find then.</summary>
    public static bool HasCloudFrontSite(StackSpec spec) => StackTargets.SiteOf(spec) == StackTargets.CloudFront;

    /// <summary>
    /// These stages, with the CloudFront site the stack's record remembers (docs/stack-record.md) for
    /// <paramref name="environment"/> of <paramref name="spec"/> (current or pending settings, on the spec's site bucket):
    /// a teardown stopped after deleting the distribution (the pipeline and the Invalidate project may be gone too) still
    /// leaves the site's origin access control and index function, which only the distribution's entry removes. The
    /// record is deleted last, so the next teardown given only <c>--name</c>, or a stack file that no longer says
    /// <c>cloudfront</c>, walks that entry again. A record that never said <c>cloudfront</c> adds nothing (no request).
    /// </summary>
    public DeployedStages WithRecorded(StackRecord? record, string? environment, StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return CloudFrontSite || HasCloudFrontSite(spec) || !HadCloudFrontSite(record, environment, spec.SiteBucketName) ? this : this with { CloudFrontSite = true };
    }

    /// <summary>True when settings of <paramref name="environment"/> the record names had a CloudFront site on <paramref name="siteBucket"/>.</summary>
    public static bool HadCloudFrontSite(StackRecord? record, string? environment, string siteBucket) =>
        record?.All.Any(e => e.Environment == (environment ?? StackRecord.SingleStack)
            && string.Equals(e.Settings.Site, SiteTypes.CloudFront, StringComparison.Ordinal)
            && string.Equals(e.Settings.SiteBucketName, siteBucket, StringComparison.Ordinal)) == true;

    /// <summary>
    /// The environments the record says had a CloudFront site that <paramref name="specs"/> (a whole-stack teardown's)
    /// lacks: tag discovery finds an environment by its pipeline, projects, rule or topic, all of which a teardown
    /// stopped after the distribution may have deleted already. Each is named as <see cref="FoundStack.ForEnvironment"/> names it.
    /// </summary>
    public static IReadOnlyList<EnvironmentStackSpec> RecordedCloudFrontEnvironments(StackRecord? record, IReadOnlyList<EnvironmentStackSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (record is null || specs.Count == 0)
        {
            return [];
        }

        return [.. record.All
            .Where(e => e.Environment != StackRecord.SingleStack && string.Equals(e.Settings.Site, SiteTypes.CloudFront, StringComparison.Ordinal))
            .Select(e => e.Environment)
            .Distinct(StringComparer.Ordinal)
            .Where(e => specs.All(s => s.Environment != e))
            .Select(e => FoundStack.ForEnvironment(specs[0].Spec, e))];
    }

    /// <summary>The repository name in a build project's <c>REPOSITORY_URI</c> (<c>registry/name</c>), or null.</summary>
    public static string? EcrRepositoryOf(string? repositoryUri) =>
        repositoryUri?.IndexOf('/', StringComparison.Ordinal) is int slash and > 0 && slash < repositoryUri.Length - 1 ? repositoryUri[(slash + 1)..] : null;

    /// <summary><paramref name="spec"/> with the stages found.</summary>
    public StackSpec ApplyTo(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var completed = CloudFrontSite ? StackTargets.CloudFront.ApplyTo(spec) : spec;
        completed = Ecs is null ? completed : EcsDeployTarget.ApplyTo(completed, Ecs);
        return TestInput is null ? completed : completed with { Test = new TestStage(TestBuildspec ?? string.Empty, TestInput) };
    }
}
