using Pipectl.Core.Naming;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>The desired state of every resource of a stack, derived from its <see cref="StackSpec"/>.</summary>
public sealed record DesiredStack(
    StackSpec Spec,
    RepositorySpec Repository,
    BucketSpec ArtifactBucket,
    BucketSpec SiteBucket,
    RoleSpec BuildRole,
    RoleSpec PipelineRole,
    RoleSpec DeployRole,
    RoleSpec EventsRole,
    BuildProjectSpec BuildProject,
    TopicSpec? ApprovalTopic,
    PipelineSpec Pipeline,
    RuleSpec Rule)
{
    public const string WebsiteIndexDocument = "index.html";
    public const string WebsiteErrorDocument = "error.html";
    public const string RuleTargetId = "pipeline";

    public static DesiredStack From(StackSpec spec)
    {
        var tags = StackOwnership.TagsFor(spec.StackName, spec.Region);
        var arns = StackArns.For(spec);
        var policies = new StackPolicies(spec, arns);
        var repository = new RepositorySpec(spec.RepositoryName, spec.RepositoryDescription ?? $"Source of the {spec.StackName} delivery pipeline", tags);
        var artifactBucket = new BucketSpec(spec.ArtifactBucketName, spec.Region, Versioning: true, DefaultEncryption: true, PublicAccessBlock.AllBlocked, policies.ArtifactBucketPolicy().ToJson(), Website: null, tags);
        var siteBucket = new BucketSpec(
            spec.SiteBucketName,
            spec.Region,
            Versioning: false,
            DefaultEncryption: true,
            spec.PrivateSite ? PublicAccessBlock.AllBlocked : PublicAccessBlock.PublicReadPolicyAllowed,
            policies.SiteBucketPolicy()?.ToJson(),
            new WebsiteSettings(WebsiteIndexDocument, WebsiteErrorDocument),
            tags);
        var buildProject = new BuildProjectSpec(
            spec.BuildProjectName,
            $"Builds {spec.RepositoryName} for the {spec.StackName} pipeline (managed by pipectl)",
            spec.SourceType,
            spec.SourceType == BuildSourceTypes.CodeCommit ? StackEndpoints.CloneUrlHttp(spec.Region, spec.RepositoryName) : null,
            spec.BuildspecContent,
            spec.BuildImage,
            spec.ComputeType,
            arns.BuildRole,
            StackNames.BuildLogGroup(spec.BuildProjectName),
            tags)
        {
            EnvironmentVariables = spec.EnvironmentVariables,
            Privileged = spec.Privileged,
        };
        var topic = spec.ApprovalEmail is { } email ? new TopicSpec(spec.ApprovalTopicName, email, tags) : null;
        var pipeline = new PipelineSpec(PipelineDeclarationFactory.Create(spec, arns), tags);
        var rule = new RuleSpec(
            spec.RuleName,
            $"Starts {spec.PipelineName} on a push to {spec.Branch} of {spec.RepositoryName} (managed by pipectl)",
            TriggerEventPattern.Create(arns.Repository, spec.Branch),
            new RuleTarget(RuleTargetId, arns.Pipeline, arns.EventsRole),
            tags);
        return new DesiredStack(
            spec,
            repository,
            artifactBucket,
            siteBucket,
            RoleSpec.From(policies.BuildRole, tags),
            RoleSpec.From(policies.PipelineRole, tags),
            RoleSpec.From(policies.DeployRole, tags),
            RoleSpec.From(policies.EventsRole, tags),
            buildProject,
            topic,
            pipeline,
            rule);
    }
}
