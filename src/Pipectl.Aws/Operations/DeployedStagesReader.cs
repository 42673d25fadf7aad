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
/// the test project only when the pipeline has a Test stage, for the report groups its buildspec declares.
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
        if (stages.TestInput is null)
        {
            return stages;
        }

        var projects = await codeBuild.BatchGetProjectsAsync([spec.TestProjectName], cancellationToken).ConfigureAwait(false);
        return stages with { TestBuildspec = projects.Projects?.FirstOrDefault(p => string.Equals(p.Name, spec.TestProjectName, StringComparison.Ordinal))?.Source?.Buildspec };
    }
}
