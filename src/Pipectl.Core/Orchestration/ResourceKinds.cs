using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>A request that creates a resource: the SDK service id that sends it and the operation (S3's CreateBucket is PutBucket).</summary>
public sealed record CreateOperation(string Service, string Operation);

/// <summary>
/// One resource kind of a stack: its CloudFormation type (how output names it), the spec and state it converges, the
/// operations that create it, the CloudFormation resources <c>pipectl export</c> writes for it (none: export refuses a
/// stack with it), the teardown option that keeps it, and its driver.
/// </summary>
/// <param name="Type">The CloudFormation type, e.g. AWS::CodeCommit::Repository.</param>
/// <param name="Spec">The desired state's type (its plan document is <see cref="DesiredDocument.Of"/>).</param>
/// <param name="State">The state its driver reads.</param>
/// <param name="Creates">The requests that create it (a failed run's report names the kind of each one that succeeded).</param>
/// <param name="ExportedAs">The CloudFormation types the exported template holds for it; empty when export refuses it.</param>
/// <param name="KeepOption">The teardown option that keeps it (with <see cref="Kept"/>), or null.</param>
/// <param name="Kept">True when the teardown options keep every resource of the kind.</param>
/// <param name="Driver">The kind's driver (an IResourceDriver of Spec and State) in a set of drivers.</param>
public sealed record ResourceKind(
    string Type,
    Type Spec,
    Type State,
    IReadOnlyList<CreateOperation> Creates,
    IReadOnlyList<string> ExportedAs,
    string? KeepOption,
    Func<TeardownOptions, bool> Kept,
    Func<IStackDrivers, object> Driver)
{
    /// <summary>Why a teardown with <paramref name="options"/> keeps the kind's resources, or null.</summary>
    public string? KeepReason(TeardownOptions options) => KeepOption is not null && Kept(options) ? $"kept by {KeepOption}" : null;
}

/// <summary>
/// Every resource kind a stack can hold, in one list. The per-kind registries (the failed run's report of what it
/// created, the teardown's keep options) are read from it, and a test walks every kind so a missing piece (a driver,
/// a plan document, a create operation, an export mapping) fails there. A new kind is one entry here, its spec and
/// state, its driver on <see cref="IStackDrivers"/> and its client.
/// </summary>
public static class ResourceKinds
{
    private static readonly Func<TeardownOptions, bool> Never = _ => false;

    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        new(ResourceTypes.Repository, typeof(RepositorySpec), typeof(RepositoryState), [new("CodeCommit", "CreateRepository")], ["AWS::CodeCommit::Repository"], "--keep-repo", o => o.KeepRepository, d => d.Repositories),
        new(ResourceTypes.Bucket, typeof(BucketSpec), typeof(BucketState), [new("S3", "PutBucket")], ["AWS::S3::Bucket", "AWS::S3::BucketPolicy"], "--keep-buckets", o => o.KeepBuckets, d => d.Buckets),
        new(ResourceTypes.Role, typeof(RoleSpec), typeof(RoleState), [new("IAM", "CreateRole")], ["AWS::IAM::Role"], null, Never, d => d.Roles),
        new(ResourceTypes.BuildProject, typeof(BuildProjectSpec), typeof(BuildProjectState), [new("CodeBuild", "CreateProject")], ["AWS::CodeBuild::Project"], null, Never, d => d.BuildProjects),
        new(ResourceTypes.Topic, typeof(TopicSpec), typeof(TopicState), [new("SNS", "CreateTopic")], ["AWS::SNS::Topic", "AWS::SNS::Subscription"], null, Never, d => d.Topics),
        new(ResourceTypes.Pipeline, typeof(PipelineSpec), typeof(PipelineState), [new("CodePipeline", "CreatePipeline")], ["AWS::CodePipeline::Pipeline"], null, Never, d => d.Pipelines),
        new(ResourceTypes.Rule, typeof(RuleSpec), typeof(RuleState), [new("EventBridge", "PutRule")], ["AWS::Events::Rule"], null, Never, d => d.Rules),
        new(ResourceTypes.ReportGroup, typeof(ReportGroupSpec), typeof(ReportGroupState), [new("CodeBuild", "CreateReportGroup")], ["AWS::CodeBuild::ReportGroup"], null, Never, d => d.ReportGroups),
        new(ResourceTypes.Connection, typeof(ConnectionSpec), typeof(ConnectionState), [new("CodeConnections", "CreateConnection")], [], "--keep-connection", o => o.KeepConnection, d => d.Connections),
        new(ResourceTypes.Distribution, typeof(DistributionSpec), typeof(DistributionState), [new("CloudFront", "CreateOriginAccessControl"), new("CloudFront", "CreateDistributionWithTags")], [], null, Never, d => d.Distributions),
        new(ResourceTypes.EcrRepository, typeof(EcrRepositorySpec), typeof(EcrRepositoryState), [new("ECR", "CreateRepository")], [], null, Never, d => d.EcrRepositories),

        // Read only: the service a container stack deploys to must exist; pipectl never creates, changes or deletes it.
        new(ResourceTypes.EcsService, typeof(EcsServiceSpec), typeof(EcsServiceState), [], [], null, Never, d => d.EcsServices),
    ];

    /// <summary>The kind of <paramref name="type"/> (a CloudFormation type), or null.</summary>
    public static ResourceKind? OfType(string type) => All.FirstOrDefault(k => k.Type == type);

    /// <summary>The kind a create request makes, matched by service and operation (an ECR CreateRepository is no CodeCommit repository), or null.</summary>
    public static ResourceKind? Creating(string service, string operation) =>
        All.FirstOrDefault(k => k.Creates.Contains(new CreateOperation(service, operation)));
}
