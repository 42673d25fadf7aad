using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Stacks;

/// <summary>
/// The pipeline's Test stage (<c>--test-buildspec</c>, or <c>test:</c> in pipectl.yaml): its own CodeBuild project runs
/// <paramref name="Buildspec"/> (inline) on the Build stage's output or on the source, between Build and the
/// approval or deploy. A failing test fails the stage, so nothing untested is deployed.
/// </summary>
/// <param name="Buildspec">The test buildspec's text, checked by <see cref="BuildspecValidator"/>.</param>
/// <param name="Input">What the tests run on: <see cref="TestInputs.Build"/> (default) or <see cref="TestInputs.Source"/>.</param>
public sealed record TestStage(string Buildspec, string Input = TestInputs.Build)
{
    /// <summary>The report groups the buildspec's <c>reports:</c> declares.</summary>
    public IReadOnlyList<BuildspecReport> Reports => BuildspecReports.Read(Buildspec);
}
