using Pipectl.Aws.Session;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>Core's provisioning interfaces implemented against AWS through one session's clients.</summary>
public sealed class AwsStackDrivers(AwsSession session, string accountId, IStackProgress progress) : IStackDrivers
{
    private readonly IamPropagation _propagation = new(progress);
    private readonly Lazy<EcsServiceDriver> _ecsServices = new(() => new EcsServiceDriver(session.Ecs));

    public IResourceDriver<RepositorySpec, RepositoryState> Repositories => new RepositoryDriver(session.CodeCommit);

    public IResourceDriver<BucketSpec, BucketState> Buckets => new BucketDriver(session.S3);

    public IResourceDriver<RoleSpec, RoleState> Roles => new RoleDriver(session.Iam);

    public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects => new BuildProjectDriver(session.CodeBuild, _propagation);

    public IResourceDriver<TopicSpec, TopicState> Topics => new TopicDriver(session.Sns, session.Region, accountId);

    public IResourceDriver<PipelineSpec, PipelineState> Pipelines => new PipelineDriver(session.CodePipeline, _propagation);

    public IResourceDriver<RuleSpec, RuleState> Rules => new RuleDriver(session.EventBridge);

    public IResourceDriver<ConnectionSpec, ConnectionState> Connections => new ConnectionDriver(session.CodeConnections);

    public IResourceDriver<DistributionSpec, DistributionState> Distributions => new DistributionDriver(session.CloudFront, progress) { NoWait = NoWait };

    public IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups => new ReportGroupDriver(session.CodeBuild);

    /// <summary>A teardown leaves a CloudFront distribution disabled instead of waiting for it (--no-wait).</summary>
    public bool NoWait { get; init; }

    public IResourceDriver<EcrRepositorySpec, EcrRepositoryState> EcrRepositories => new EcrRepositoryDriver(session.Ecr) { ForceDelete = DeleteImages };

    /// <summary>One driver for the run: it reads each service once (see <see cref="EcsServiceDriver"/>).</summary>
    public IResourceDriver<EcsServiceSpec, EcsServiceState> EcsServices => _ecsServices.Value;

    /// <summary>A teardown deletes an ECR repository that holds images, with them (--delete-images).</summary>
    public bool DeleteImages { get; init; }

    public IRepositorySeeder Seeder => new RepositorySeeder(session.CodeCommit);

    /// <summary>The account's Block Public Access, for the preflight of a public site (<see cref="PublicSitePreflight"/>).</summary>
    public IAccountPublicAccess AccountPublicAccess => new AccountPublicAccessReader(session.S3Control, accountId);
}
