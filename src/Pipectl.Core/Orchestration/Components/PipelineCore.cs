using Pipectl.Core.Naming;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// What every stack has: the artifact bucket, the build project and its role, and the pipeline and its role. It is
/// added last, as it takes what the other parts ask of the build (<see cref="StackBuilder.Build"/>) and of the
/// pipeline (<see cref="StackBuilder.Pipeline"/>).
/// </summary>
internal sealed class PipelineCore : IStackComponent
{
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var tags = stack.Tags;
        var arns = stack.Arns;
        var policies = stack.Policies;
        var artifactBucket = new BucketSpec(spec.ArtifactBucketName, spec.Region, Versioning: true, DefaultEncryption: true, PublicAccessBlock.AllBlocked, policies.ArtifactBucketPolicy().ToJson(), Website: null, tags);
        stack.Add(new ResourceEntry<BucketSpec, BucketState>(ResourceKeys.ArtifactBucket, StackParts.Buckets, [], artifactBucket, d => d.Buckets)
        {
            NameOption = StackOptionNames.ArtifactBucketName,
            Outputs = _ => new Dictionary<string, string> { [StackOutputs.ArtifactBucket] = spec.ArtifactBucketName },
        });
        AddBuild(stack);
        AddPipeline(stack);
    }

    private static void AddBuild(StackBuilder stack)
    {
        var spec = stack.Spec;
        var buildRole = stack.AddRole(ResourceKeys.BuildRole, StackParts.Build, [], stack.Policies.BuildRole, StackOptionNames.BuildRoleName);
        var variables = new Dictionary<string, BuildVariable>(spec.EnvironmentVariables, StringComparer.Ordinal);
        foreach (var (name, value) in stack.Build.Variables)
        {
            variables[name] = value;
        }

        var project = new BuildProjectSpec(
            spec.BuildProjectName,
            $"Builds {spec.Source ?? spec.RepositoryName} for the {spec.StackName} pipeline (managed by pipectl)",
            spec.SourceType,
            spec.SourceType == BuildSourceTypes.CodeCommit ? StackEndpoints.CloneUrlHttp(spec.Region, spec.RepositoryName) : null,
            spec.BuildspecContent,
            spec.BuildImage,
            spec.ComputeType,
            stack.Arns.BuildRole,
            StackNames.BuildLogGroup(spec.BuildProjectName),
            stack.Tags)
        {
            EnvironmentVariables = variables,
            Privileged = spec.Privileged || stack.Build.Privileged,
        };

        // The project writes its output to the artifact bucket: the bucket goes only after the project.
        // CodeBuild checks the service role only when the project is created or updated.
        stack.Add(new ResourceEntry<BuildProjectSpec, BuildProjectState>(ResourceKeys.BuildProject, StackParts.Build, [buildRole.Key, ResourceKeys.ArtifactBucket, .. stack.Build.DependsOn], project, d => d.BuildProjects)
        {
            NeededOnlyToCreate = [buildRole.Key],
            NameOption = StackOptionNames.BuildProjectName,
            Outputs = _ => new Dictionary<string, string> { [StackOutputs.BuildProject] = spec.BuildProjectName },
        });
    }

    private static void AddPipeline(StackBuilder stack)
    {
        var spec = stack.Spec;
        var tags = stack.Tags;
        var needs = stack.Pipeline;
        var role = new ResourceEntry<RoleSpec, RoleState>(ResourceKeys.PipelineRole, StackParts.Pipeline, [.. needs.RoleDependsOn], RoleSpec.From(stack.Policies.PipelineRole, tags), d => d.Roles)
        {
            NameOption = StackOptionNames.PipelineRoleName,
            DesiredAtApply = needs.CompletedAtApply
                ? (context, _) => Task.FromResult(RoleSpec.From(new StackPolicies(needs.SpecAtApply(spec, context.Outputs)).PipelineRole, tags))
                : null,
        };
        stack.Add(role);

        var pipeline = new PipelineSpec(PipelineDeclarationFactory.Create(spec, stack.Arns), tags);
        stack.Add(new ResourceEntry<PipelineSpec, PipelineState>(
            ResourceKeys.Pipeline,
            StackParts.Pipeline,
            [ResourceKeys.PipelineRole, ResourceKeys.DeployRole, ResourceKeys.ApprovalTopic, ResourceKeys.BuildProject, ResourceKeys.ArtifactBucket, .. needs.DependsOn],
            pipeline,
            d => d.Pipelines)
        {
            // CodePipeline checks its roles when the pipeline is created or updated and only names the project
            // and the topic; it writes into the buckets and reads the repository while it runs.
            NeededOnlyToCreate = [ResourceKeys.PipelineRole, ResourceKeys.DeployRole, ResourceKeys.BuildProject, ResourceKeys.ApprovalTopic, .. needs.NeededOnlyToCreate],
            NameOption = StackOptionNames.PipelineName,
            DesiredAtApply = needs.CompletedAtApply
                ? (context, _) => Task.FromResult(pipeline with { Declaration = PipelineDeclarationFactory.Create(needs.SpecAtApply(spec, context.Outputs)) })
                : null,
            Outputs = _ => new Dictionary<string, string>
            {
                [StackOutputs.PipelineName] = spec.PipelineName,
                [StackOutputs.PipelineConsoleUrl] = StackEndpoints.PipelineConsoleUrl(spec.Region, spec.PipelineName),
            },
        });
    }
}
