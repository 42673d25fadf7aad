using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Drivers for a plan without credentials: every read finds nothing (an empty account) and nothing is
/// ever sent anywhere. Only a dry run may use them; a mutating call is a bug and throws.
/// </summary>
public sealed class EmptyAccountDrivers : IStackDrivers, IRepositorySeeder
{
    public IResourceDriver<RepositorySpec, RepositoryState> Repositories { get; } = new Nothing<RepositorySpec, RepositoryState>(ResourceTypes.Repository);

    public IResourceDriver<BucketSpec, BucketState> Buckets { get; } = new Nothing<BucketSpec, BucketState>(ResourceTypes.Bucket);

    public IResourceDriver<RoleSpec, RoleState> Roles { get; } = new Nothing<RoleSpec, RoleState>(ResourceTypes.Role);

    public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects { get; } = new Nothing<BuildProjectSpec, BuildProjectState>(ResourceTypes.BuildProject);

    public IResourceDriver<TopicSpec, TopicState> Topics { get; } = new Nothing<TopicSpec, TopicState>(ResourceTypes.Topic);

    public IResourceDriver<PipelineSpec, PipelineState> Pipelines { get; } = new Nothing<PipelineSpec, PipelineState>(ResourceTypes.Pipeline);

    public IResourceDriver<RuleSpec, RuleState> Rules { get; } = new Nothing<RuleSpec, RuleState>(ResourceTypes.Rule);

    public IResourceDriver<ConnectionSpec, ConnectionState> Connections { get; } = new Nothing<ConnectionSpec, ConnectionState>(ResourceTypes.Connection);

    public IResourceDriver<DistributionSpec, DistributionState> Distributions { get; } = new Nothing<DistributionSpec, DistributionState>(ResourceTypes.Distribution);

    public IResourceDriver<EcrRepositorySpec, EcrRepositoryState> EcrRepositories { get; } = new Nothing<EcrRepositorySpec, EcrRepositoryState>(ResourceTypes.EcrRepository);

    /// <summary>
    /// Assumed to be there, as pipectl requires (a plan without credentials cannot look): the plan uses it as it is,
    /// and shows its task definition's roles as unknown.
    /// </summary>
    public IResourceDriver<EcsServiceSpec, EcsServiceState> EcsServices { get; } = new AssumedService();

    public IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups { get; } = new Nothing<ReportGroupSpec, ReportGroupState>(ResourceTypes.ReportGroup);

    public IRepositorySeeder Seeder => this;

    public Task<bool> BranchExistsAsync(string repositoryName, string branch, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<string> SeedAsync(string repositoryName, string branch, IReadOnlyList<SeedFile> files, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A plan without credentials cannot make a commit.");

    private sealed class AssumedService : EcsServiceReader
    {
        public override Task<EcsServiceState?> ReadAsync(EcsServiceSpec desired, CancellationToken cancellationToken) => Task.FromResult<EcsServiceState?>(Assumed(desired));
    }

    private sealed class Nothing<TSpec, TState>(string type) : IResourceDriver<TSpec, TState>
        where TSpec : IDesiredState<TState>
        where TState : class
    {
        public string Type => type;

        public string? ArnOf(TState state) => null;

        public Task<TState?> ReadAsync(TSpec desired, CancellationToken cancellationToken) => Task.FromResult<TState?>(null);

        public Task<TState> CreateAsync(TSpec desired, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"A plan without credentials cannot create {type} {desired.Name}.");

        public Task<TState> UpdateAsync(TSpec desired, TState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"A plan without credentials cannot update {type} {desired.Name}.");

        public Task DeleteAsync(TState actual, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"A plan without credentials cannot delete {type}.");
    }
}
