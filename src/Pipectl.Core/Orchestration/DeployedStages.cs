using Pipectl.Core.Pipelines;
using Pipectl.Core.Stacks;

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
    public static DeployedStages None { get; } = new(false, null);

    /// <summary>What <paramref name="deployed"/> runs beyond what <paramref name="spec"/> already has.</summary>
    public static DeployedStages Of(StackSpec spec, PipelineDeclaration deployed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(deployed);
        var cloudFront = !spec.IsCloudFrontSite && BuildAction(deployed, PipelineDeclarationFactory.InvalidateStageName, spec.InvalidationProjectName) is not null;
        var test = spec.HasTestStage ? null : BuildAction(deployed, PipelineDeclarationFactory.TestStageName, spec.TestProjectName);
        var input = test is null ? null : test.InputArtifacts.Contains(PipelineDeclarationFactory.SourceOutputArtifact, StringComparer.Ordinal) ? TestInputs.Source : TestInputs.Build;
        return new DeployedStages(cloudFront, input);
    }


    /// <summary><paramref name="spec"/> with the stages found.</summary>
    public StackSpec ApplyTo(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var completed = CloudFrontSite ? spec with { Site = SiteTypes.CloudFront } : spec;
        return TestInput is null ? completed : completed with { Test = new TestStage(TestBuildspec ?? string.Empty, TestInput) };
    }

    private static PipelineAction? BuildAction(PipelineDeclaration deployed, string stage, string project) =>
        deployed.Stages
            .Where(s => string.Equals(s.Name, stage, StringComparison.Ordinal))
            .SelectMany(s => s.Actions)
            .FirstOrDefault(a => a.Provider == "CodeBuild" && a.Configuration.TryGetValue("ProjectName", out var name) && string.Equals(name, project, StringComparison.Ordinal));
}
