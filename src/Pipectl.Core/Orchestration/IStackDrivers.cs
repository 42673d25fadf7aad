using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>The provisioning interfaces of every resource kind of a stack, implemented in Pipectl.Aws.</summary>
public interface IStackDrivers
{
    IResourceDriver<RepositorySpec, RepositoryState> Repositories { get; }

    IResourceDriver<BucketSpec, BucketState> Buckets { get; }

    IResourceDriver<RoleSpec, RoleState> Roles { get; }

    IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects { get; }

    IResourceDriver<TopicSpec, TopicState> Topics { get; }

    IResourceDriver<PipelineSpec, PipelineState> Pipelines { get; }

    IResourceDriver<RuleSpec, RuleState> Rules { get; }

    IResourceDriver<ConnectionSpec, ConnectionState> Connections { get; }
    IResourceDriver<DistributionSpec, DistributionState> Distributions { get; }

    IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups { get; }

    IRepositorySeeder Seeder { get; }
}
