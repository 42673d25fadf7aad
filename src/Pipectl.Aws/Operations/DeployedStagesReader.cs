using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Provisioning;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Operations;

/// <summary>
/// Reads, for the spec of a teardown, the optional stages its deployed pipeline runs (<see cref="DeployedStages"/>):
/// one GetPipeline by name (no account needed, so it can run alongside GetCallerIdentity), and a BatchGetProjects of
/// the test project only when the pipeline has a Test stage, for the report groups its buildspec declares, and of the
/// build project when it deploys to ECS, for the ECR repository its REPOSITORY_URI names.
/// A missing pipeline adds nothing: what the spec names is torn down as before.
/// </summary>
public class DeployedStagesReader(CodePipelineClient codePipeline, CodeBuildClient codeBuild)
{
    public virtual async Task<DeployedStages> ReadAsync(StackSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        GetPipelineReply reply;
        try
        {
            reply = await codePipeline.GetPipelineAsync(spec.PipelineName, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return DeployedStages.None;
        }

        if (reply.Pipeline is null)
        {
            return DeployedStages.None;
        }

        var stages = DeployedStages.Of(spec, PipelineDeclarationMapper.ToCore(reply.Pipeline));
        if (stages.TestInput is null && stages.Ecs is null)
        {
            return stages;
        }

        // One BatchGetProjects for what the stages need: the test project's buildspec, the build project's REPOSITORY_URI.
        string[] names = [.. stages.TestInput is null ? [] : new[] { spec.TestProjectName }, .. stages.Ecs is null ? [] : new[] { spec.BuildProjectName }];
        var projects = (await codeBuild.BatchGetProjectsAsync(names, cancellationToken).ConfigureAwait(false)).Projects ?? [];
        var tests = projects.FirstOrDefault(p => string.Equals(p.Name, spec.TestProjectName, StringComparison.Ordinal));
        var build = projects.FirstOrDefault(p => string.Equals(p.Name, spec.BuildProjectName, StringComparison.Ordinal));
        var repositoryUri = build?.Environment?.EnvironmentVariables?.FirstOrDefault(v => v.Name == "REPOSITORY_URI")?.Value;
        return stages with
        {
            TestBuildspec = stages.TestInput is null ? null : tests?.Source?.Buildspec,
            Ecs = stages.Ecs is null ? null : stages.Ecs with { RepositoryName = DeployedStages.EcrRepositoryOf(repositoryUri) },
        };
    }
}
