using Pipectl.Aws.Session;
using Pipectl.Core.Engine;
using Pipectl.Core.Naming;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>Core's provisioning interfaces implemented against AWS through one session's clients.</summary>
/// <param name="account">
/// The caller's account, which may still be being asked for (GetCallerIdentity): only what needs it (a topic's ARN,
/// the account's Block Public Access) waits for it, so reads by name can start at once (<see cref="EarlyReads"/>).
/// </param>
public sealed class AwsStackDrivers(AwsSession session, Task<string> account, IStackProgress progress) : IAccountDrivers
{
    private OwnedBucketListing? _ownedBuckets;

    public AwsStackDrivers(AwsSession session, string accountId, IStackProgress progress)
        : this(session, Task.FromResult(accountId), progress)
    {
    }

    /// <summary>
    /// Drivers for the same session and account that report to <paramref name="reportTo"/>, sharing what these
    /// drivers have started to read (the listing of the caller's buckets).
    /// </summary>
    public AwsStackDrivers ReportingTo(IStackProgress reportTo, bool noWait = false) => new(session, account, reportTo) { NoWait = noWait, DeleteImages = DeleteImages, _ownedBuckets = OwnedBuckets, _ecsServices = _ecsServices };

    IAccountDrivers IAccountDrivers.ReportingTo(IStackProgress progress, bool noWait) => ReportingTo(progress, noWait);

    private readonly IamPropagation _propagation = new(progress);
    // Shared with the drivers ReportingTo makes: the service is read once per run.
    private Lazy<EcsServiceDriver> _ecsServices = new(() => new EcsServiceDriver(session.Ecs));

    public IResourceDriver<RepositorySpec, RepositoryState> Repositories => new RepositoryDriver(session.CodeCommit);

    public IResourceDriver<BucketSpec, BucketState> Buckets => new BucketDriver(session.S3, OwnedBuckets);

    public IResourceDriver<RoleSpec, RoleState> Roles => new RoleDriver(session.Iam);

    public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects => new BuildProjectDriver(session.CodeBuild, _propagation);

    public IResourceDriver<TopicSpec, TopicState> Topics => new TopicDriver(session.Sns, session.Region, account);

    public IResourceDriver<PipelineSpec, PipelineState> Pipelines => new PipelineDriver(session.CodePipeline, _propagation, async name => new Arns(session.Region, await account.ConfigureAwait(false)).Pipeline(name));

    public IResourceDriver<RuleSpec, RuleState> Rules => new RuleDriver(session.EventBridge);

    public IResourceDriver<ConnectionSpec, ConnectionState> Connections => new ConnectionDriver(session.CodeConnections);

    public IResourceDriver<DistributionSpec, DistributionState> Distributions => new DistributionDriver(session.CloudFront, progress) { NoWait = NoWait };

    public IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups => new ReportGroupDriver(session.CodeBuild);

    private OwnedBucketListing OwnedBuckets =>
        _ownedBuckets ?? Interlocked.CompareExchange(ref _ownedBuckets, new OwnedBucketListing(session.S3), null) ?? _ownedBuckets;

    /// <summary>A teardown leaves a CloudFront distribution disabled instead of waiting for it (--no-wait).</summary>
    public bool NoWait { get; init; }

    public IResourceDriver<EcrRepositorySpec, EcrRepositoryState> EcrRepositories => new EcrRepositoryDriver(session.Ecr) { ForceDelete = DeleteImages };

    /// <summary>One driver for the run: it reads each service once (see <see cref="EcsServiceDriver"/>).</summary>
    public IResourceDriver<EcsServiceSpec, EcsServiceState> EcsServices => _ecsServices.Value;

    /// <summary>A teardown deletes an ECR repository that holds images, with them (--delete-images).</summary>
    public bool DeleteImages { get; init; }

    public IRepositorySeeder Seeder => new RepositorySeeder(session.CodeCommit);

    /// <summary>The account's Block Public Access, for the preflight of a public site (<see cref="PublicSitePreflight"/>).</summary>
    public IAccountPublicAccess AccountPublicAccess => new AccountPublicAccessReader(session.S3Control, account);
}
