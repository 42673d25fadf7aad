using Pipectl.Core.Naming;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// A stack as a list of resource entries, derived from its <see cref="StackSpec"/>: the one place that says
/// which resources a stack has, what each should be, what each depends on and what each outputs. Apply,
/// teardown, the plan and the report all walk these entries (through <see cref="StackGraph"/>); adding a
/// resource kind is a spec, a state, a driver and one entry here.
/// </summary>
public sealed class DesiredStack
{
    public const string WebsiteIndexDocument = "index.html";
    public const string WebsiteErrorDocument = "error.html";
    public const string RuleTargetId = "pipeline";

    private DesiredStack(StackSpec spec, IReadOnlyList<ResourceEntry> entries)
    {
        Spec = spec;
        Entries = entries;
    }

    public StackSpec Spec { get; }

    /// <summary>Every resource of the stack, keyed as in <see cref="ResourceKeys"/>.</summary>
    public IReadOnlyList<ResourceEntry> Entries { get; }

    // Views of single entries, for code that needs one resource's desired state (policies, drivers' tests).
    public RepositorySpec Repository => Desired<RepositorySpec, RepositoryState>(ResourceKeys.Repository);

    public BucketSpec ArtifactBucket => Desired<BucketSpec, BucketState>(ResourceKeys.ArtifactBucket);

    public BucketSpec SiteBucket => Desired<BucketSpec, BucketState>(ResourceKeys.SiteBucket);

    public RoleSpec BuildRole => Desired<RoleSpec, RoleState>(ResourceKeys.BuildRole);

    public RoleSpec PipelineRole => Desired<RoleSpec, RoleState>(ResourceKeys.PipelineRole);

    public RoleSpec DeployRole => Desired<RoleSpec, RoleState>(ResourceKeys.DeployRole);

    public RoleSpec EventsRole => Desired<RoleSpec, RoleState>(ResourceKeys.EventsRole);

    public BuildProjectSpec BuildProject => Desired<BuildProjectSpec, BuildProjectState>(ResourceKeys.BuildProject);

    /// <summary>The approval topic, or null when the stack mails no approvals.</summary>
    public TopicSpec? ApprovalTopic => Spec.HasApprovalTopic ? Desired<TopicSpec, TopicState>(ResourceKeys.ApprovalTopic) : null;

    public PipelineSpec Pipeline => Desired<PipelineSpec, PipelineState>(ResourceKeys.Pipeline);

    public RuleSpec Rule => Desired<RuleSpec, RuleState>(ResourceKeys.Rule);

    /// <summary>The desired state of the entry <paramref name="key"/>.</summary>
    public TSpec Desired<TSpec, TState>(string key)
        where TSpec : IDesiredState<TState>
        where TState : class =>
        ((ResourceEntry<TSpec, TState>)Entries.Single(e => e.Key == key)).Desired;

    public static DesiredStack From(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var tags = StackOwnership.TagsFor(spec.StackName, spec.Region);
        var arns = StackArns.For(spec);
        var policies = new StackPolicies(spec, arns);
        var repository = new RepositorySpec(spec.RepositoryName, spec.RepositoryDescription ?? $"Source of the {spec.StackName} delivery pipeline", tags);
        var artifactBucket = new BucketSpec(spec.ArtifactBucketName, spec.Region, Versioning: true, DefaultEncryption: true, PublicAccessBlock.AllBlocked, policies.ArtifactBucketPolicy().ToJson(), Website: null, tags);
        var siteBucket = spec.IsCloudFrontSite
            ? new BucketSpec(spec.SiteBucketName, spec.Region, Versioning: false, DefaultEncryption: true, PublicAccessBlock.AllBlocked, policies.CloudFrontSiteBucketPolicy(CloudFrontSite.NewDistributionArn(spec)).ToJson(), Website: null, tags)
            : new BucketSpec(
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
            $"Builds {spec.Source ?? spec.RepositoryName} for the {spec.StackName} pipeline (managed by pipectl)",
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

        // Teardown removes a topic left from when the stack mailed approvals, so the entry is there without an email too.
        var topic = new TopicSpec(spec.ApprovalTopicName, spec.ApprovalEmail ?? string.Empty, tags);
        var pipeline = new PipelineSpec(PipelineDeclarationFactory.Create(spec, arns), tags);
        var rule = new RuleSpec(
            spec.RuleName,
            $"Starts {spec.PipelineName} on a push to {spec.Branch} of {spec.RepositoryName} (managed by pipectl)",
            TriggerEventPattern.Create(arns.Repository, spec.Branch),
            new RuleTarget(RuleTargetId, arns.Pipeline, arns.EventsRole),
            tags);

        List<ResourceEntry> entries =
        [
            new ResourceEntry<RepositorySpec, RepositoryState>(ResourceKeys.Repository, StackParts.Repository, [], repository, d => d.Repositories)
            {
                Shared = true,
                NameOption = StackOptionNames.RepositoryName,
                UseExisting = spec.ExistingRepository,
                AfterApply = RepositorySeeding.AfterApplyAsync(spec),
                Outputs = state => new Dictionary<string, string>
                {
                    [StackOutputs.CloneUrlHttp] = state?.CloneUrlHttp ?? StackEndpoints.CloneUrlHttp(spec.Region, spec.RepositoryName),
                    [StackOutputs.CloneUrlSsh] = state?.CloneUrlSsh ?? StackEndpoints.CloneUrlSsh(spec.Region, spec.RepositoryName),
                },
            },
            new ResourceEntry<BucketSpec, BucketState>(ResourceKeys.ArtifactBucket, StackParts.Buckets, [], artifactBucket, d => d.Buckets)
            {
                NameOption = StackOptionNames.ArtifactBucketName,
                Outputs = _ => new Dictionary<string, string> { [StackOutputs.ArtifactBucket] = spec.ArtifactBucketName },
            },
            new ResourceEntry<BucketSpec, BucketState>(ResourceKeys.SiteBucket, StackParts.Buckets, [], siteBucket, d => d.Buckets)
            {
                NameOption = StackOptionNames.SiteBucketName,
                DesiredAtApply = spec.IsCloudFrontSite ? CloudFrontSite.BucketAtApply(spec, policies, siteBucket) : null,
                Outputs = _ => spec.IsCloudFrontSite
                    ? new Dictionary<string, string> { [StackOutputs.SiteBucket] = spec.SiteBucketName }
                    : new Dictionary<string, string>
                    {
                        [StackOutputs.SiteBucket] = spec.SiteBucketName,
                        [StackOutputs.WebsiteUrl] = StackEndpoints.WebsiteUrl(spec.Region, spec.SiteBucketName),
                    },
            },
            Role(ResourceKeys.BuildRole, StackParts.Build, [], policies.BuildRole, StackOptionNames.BuildRoleName),

            // The project writes its output to the artifact bucket: the bucket goes only after the project.
            // CodeBuild checks the service role only when the project is created or updated.
            new ResourceEntry<BuildProjectSpec, BuildProjectState>(ResourceKeys.BuildProject, StackParts.Build, [ResourceKeys.BuildRole, ResourceKeys.Repository, ResourceKeys.ArtifactBucket], buildProject, d => d.BuildProjects)
            {
                NeededOnlyToCreate = [ResourceKeys.BuildRole],
                NameOption = StackOptionNames.BuildProjectName,
                Outputs = _ => new Dictionary<string, string> { [StackOutputs.BuildProject] = spec.BuildProjectName },
            },
            Role(ResourceKeys.PipelineRole, StackParts.Pipeline, [], policies.PipelineRole, StackOptionNames.PipelineRoleName),

            // The deploy role trusts the pipeline role by ARN, and IAM refuses a trust policy naming a role that does not exist yet.
            // IAM checks that principal only when the trust policy is written.
            Role(ResourceKeys.DeployRole, StackParts.Pipeline, [ResourceKeys.PipelineRole], policies.DeployRole, StackOptionNames.DeployRoleName) with
            {
                NeededOnlyToCreate = [ResourceKeys.PipelineRole],
            },
            new ResourceEntry<TopicSpec, TopicState>(ResourceKeys.ApprovalTopic, StackParts.Pipeline, [], topic, d => d.Topics)
            {
                Wanted = spec.HasApprovalTopic,
                NameOption = StackOptionNames.ApprovalTopicName,
                Outputs = state => state is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [StackOutputs.ApprovalTopicArn] = state.Arn },
            },
            new ResourceEntry<PipelineSpec, PipelineState>(
                ResourceKeys.Pipeline,
                StackParts.Pipeline,
                [ResourceKeys.PipelineRole, ResourceKeys.DeployRole, ResourceKeys.ApprovalTopic, ResourceKeys.BuildProject, ResourceKeys.ArtifactBucket, ResourceKeys.SiteBucket, ResourceKeys.Repository, .. (spec.IsCloudFrontSite ? [ResourceKeys.InvalidationProject] : Array.Empty<string>())],
                pipeline,
                d => d.Pipelines)
            {
                // CodePipeline checks its roles when the pipeline is created or updated and only names the project
                // and the topic; it writes into the buckets and reads the repository while it runs.
                NeededOnlyToCreate = [ResourceKeys.PipelineRole, ResourceKeys.DeployRole, ResourceKeys.BuildProject, ResourceKeys.ApprovalTopic],
                NameOption = StackOptionNames.PipelineName,
                Outputs = _ => new Dictionary<string, string>
                {
                    [StackOutputs.PipelineName] = spec.PipelineName,
                    [StackOutputs.PipelineConsoleUrl] = StackEndpoints.PipelineConsoleUrl(spec.Region, spec.PipelineName),
                },
            },
            Role(ResourceKeys.EventsRole, StackParts.Trigger, [], policies.EventsRole, StackOptionNames.EventsRoleName),

            // The rule's pattern names the repository. Its target names the pipeline, but EventBridge looks neither
            // the pipeline nor the role up when PutTargets is called, only when the rule fires: the rule is made
            // alongside the pipeline (off the pipeline's wait for IAM), and deleted alongside it and the role.
            new ResourceEntry<RuleSpec, RuleState>(ResourceKeys.Rule, StackParts.Trigger, [ResourceKeys.EventsRole, ResourceKeys.Repository], rule, d => d.Rules)
            {
                NeededOnlyToCreate = [ResourceKeys.EventsRole],
                NameOption = StackOptionNames.RuleName,
                Outputs = _ => new Dictionary<string, string> { [StackOutputs.RuleName] = spec.RuleName },
            },
        ];
        if (spec.UsesConnection)
        {
            ConnectionSources.Replace(entries, spec, tags);
        }

        if (spec.IsEcsDeploy)
        {
            EcsDeploy.Replace(entries, spec, tags);
        }
        TestStageEntries.Add(entries, spec, policies, tags);

        return new DesiredStack(spec, spec.IsCloudFrontSite ? [.. entries, .. CloudFrontSite.Entries(spec, policies, tags, siteBucket)] : entries);

        ResourceEntry Role(string key, StackParts part, string[] dependsOn, RoleDefinition role, string nameOption) =>
            new ResourceEntry<RoleSpec, RoleState>(key, part, dependsOn, RoleSpec.From(role, tags), d => d.Roles) { NameOption = nameOption };
    }
}
