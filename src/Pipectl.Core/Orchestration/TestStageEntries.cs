using Pipectl.Core.Naming;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The entries a Test stage (<c>--test-buildspec</c>, <c>test:</c>) adds to <see cref="DesiredStack"/>: one report group
/// per report of the test buildspec (<see cref="StackSpec.ReportGroupName"/>), the test project's role (writing
/// reports into exactly those groups) and the project, which the pipeline's Test action names.
/// </summary>
internal sealed class TestStageEntries : IStackComponent
{
    /// <summary>Both verbs that make what the pipeline's stages run converge the Test stage's resources.</summary>
    private const StackParts Parts = StackParts.Build | StackParts.Pipeline;

    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var policies = stack.Policies;
        var tags = stack.Tags;
        if (spec.Test is not { } test)
        {
            return;
        }

        var arns = new Arns(spec.Region, spec.AccountId);
        var groupKeys = new List<string>();
        foreach (var report in test.Reports)
        {
            var name = spec.ReportGroupName(report.Name);
            var key = ResourceKeys.ReportGroup(report.Name);
            groupKeys.Add(key);
            stack.Add(new ResourceEntry<ReportGroupSpec, ReportGroupState>(key, Parts, [], new ReportGroupSpec(name, arns.ReportGroup(name), report.Type, tags), d => d.ReportGroups));
        }

        var project = new BuildProjectSpec(
            spec.TestProjectName,
            $"Runs the tests of the {spec.StackName} pipeline on its {(test.Input == TestInputs.Source ? "source" : "build output")} (managed by pipectl)",
            BuildSourceTypes.CodePipeline,
            null,
            test.Buildspec,
            spec.BuildImage,
            spec.ComputeType,
            arns.Role(spec.TestRoleName),
            StackNames.BuildLogGroup(spec.TestProjectName),
            tags);
        stack.Add(new ResourceEntry<RoleSpec, RoleState>(ResourceKeys.TestRole, Parts, [], RoleSpec.From(policies.TestRole(), tags), d => d.Roles));

        // The project's builds write into the report groups: they go only after the project (teardown walks this reversed).
        stack.Add(new ResourceEntry<BuildProjectSpec, BuildProjectState>(ResourceKeys.TestProject, Parts, [ResourceKeys.TestRole, ResourceKeys.ArtifactBucket, .. groupKeys], project, d => d.BuildProjects)
        {
            NeededOnlyToCreate = [ResourceKeys.TestRole],
        });

        // CodePipeline checks the Test action's project exists when the pipeline is created or updated.
        stack.Pipeline.WaitFor(ResourceKeys.TestProject, onlyToCreate: true);
    }
}
