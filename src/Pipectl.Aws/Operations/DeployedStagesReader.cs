using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Provisioning;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Operations;

/// <summary>
/// Reads, for the spec of a teardown, the optional parts its deployed stack has (<see cref="DeployedStages"/>), with two
/// requests that need no account (so they go alongside GetCallerIdentity): GetPipeline, whose stages name a Test stage,
/// a CloudFront site's Invalidate stage or an ECS deploy; and one BatchGetProjects of the build, test and invalidation
/// projects, for the test buildspec's report groups and the ECR repository the build's REPOSITORY_URI names. A test or
/// invalidation project of this stack (by its ownership tags) counts even when the pipeline no longer runs it, or is
/// gone: a stack that dropped its Test stage or CloudFront site later still has those resources to remove.
/// </summary>
public class DeployedStagesReader(CodePipelineClient codePipeline, CodeBuildClient codeBuild)
{
    public virtual async Task<DeployedStages> ReadAsync(StackSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var pipelineRead = PipelineOrNullAsync(spec.PipelineName, cancellationToken);
        var projectsRead = codeBuild.BatchGetProjectsAsync([.. new[] { spec.BuildProjectName, spec.TestProjectName, spec.InvalidationProjectName }.Distinct(StringComparer.Ordinal)], cancellationToken);
        var pipeline = await pipelineRead.ConfigureAwait(false);
        var projects = (await projectsRead.ConfigureAwait(false)).Projects ?? [];

        var stages = pipeline is null ? DeployedStages.None : DeployedStages.Of(spec, PipelineDeclarationMapper.ToCore(pipeline));
        var tests = OwnedProject(projects, spec.TestProjectName, spec);
        if (stages.TestInput is null && !spec.HasTestStage && tests is not null)
        {
            stages = stages with { TestInput = TestInputs.Build };
        }

        if (!stages.CloudFrontSite && !DeployedStages.HasCloudFrontSite(spec) && OwnedProject(projects, spec.InvalidationProjectName, spec) is not null)
        {
            stages = stages with { CloudFrontSite = true };
        }

        // Only the stack's own build project says where its images go (another's REPOSITORY_URI is not a name to look up).
        var build = OwnedProject(projects, spec.BuildProjectName, spec);
        var repositoryUri = build?.Environment?.EnvironmentVariables?.FirstOrDefault(v => v.Name == "REPOSITORY_URI")?.Value;
        return stages with
        {
            TestBuildspec = stages.TestInput is null ? null : tests?.Source?.Buildspec,
            Ecs = stages.Ecs is null ? null : stages.Ecs with { RepositoryName = DeployedStages.EcrRepositoryOf(repositoryUri) },
        };
    }

    private async Task<PipelineDeclaration?> PipelineOrNullAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await codePipeline.GetPipelineAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false)).Pipeline;
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The project of that name when its tags say it is this stack's (<see cref="StackOwnership"/>), else null.</summary>
    private static CodeBuildProject? OwnedProject(IReadOnlyList<CodeBuildProject> projects, string name, StackSpec spec) =>
        projects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal)
            && StackOwnership.IsOwnedBy(new ProjectTags(p), spec.StackName, spec.Region));

    private sealed class ProjectTags(CodeBuildProject project) : ITaggedState
    {
        public IReadOnlyDictionary<string, string> Tags { get; } = (project.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
    }
}
