using System.Collections.Concurrent;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Orchestration;

public sealed class StackTeardownTests
{
    private static readonly DesiredStack Demo = DesiredStack.From(TestStacks.Demo());

    [Fact]
    public async Task Everything_the_stack_owns_is_deleted_after_what_writes_into_it_or_reads_from_it()
    {
        var drivers = new InventoryDrivers(owner: "demo") { Sequential = true };
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(11, result.Resources.Count);
        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.Deleted, r.Action));
        var order = drivers.Deleted.ToList();
        Assert.True(order.IndexOf("demo-pipeline") < order.IndexOf("demo-artifacts-123456789012-us-east-1"));
        Assert.True(order.IndexOf("demo-pipeline") < order.IndexOf("demo-site-123456789012-us-east-1"));
        Assert.True(order.IndexOf("demo-build") < order.IndexOf("demo-artifacts-123456789012-us-east-1"));
        Assert.True(order.IndexOf("demo-build") < order.IndexOf("demo"));
        Assert.True(order.IndexOf("demo-pipeline") < order.IndexOf("demo"));
        Assert.True(order.IndexOf("demo-trigger") < order.IndexOf("demo"));
    }

    [Fact]
    public async Task Resources_of_another_owner_are_kept()
    {
        var drivers = new InventoryDrivers(owner: "someone-else");
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.Kept, r.Action));
        Assert.Empty(drivers.Deleted);
    }

    [Fact]
    public async Task Missing_resources_are_not_found_and_nothing_is_deleted()
    {
        var drivers = new InventoryDrivers(owner: null);
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.NotFound, r.Action));
        Assert.Empty(drivers.Deleted);
    }

    [Fact]
    public async Task Dry_run_and_keep_options_delete_nothing_they_protect()
    {
        var dry = new InventoryDrivers(owner: "demo");
        var plan = await new StackTeardown(dry, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions { DryRun = true }, CancellationToken.None);
        Assert.All(plan.Resources, r => Assert.Equal(ResourceAction.WouldDelete, r.Action));
        Assert.Empty(dry.Deleted);

        var keep = new InventoryDrivers(owner: "demo");
        var kept = await new StackTeardown(keep, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions { KeepBuckets = true, KeepRepository = true }, CancellationToken.None);
        Assert.Equal(3, kept.Resources.Count(r => r.Action == ResourceAction.Kept));
        Assert.DoesNotContain("demo", keep.Deleted);
        Assert.DoesNotContain("demo-site-123456789012-us-east-1", keep.Deleted);
        Assert.Contains("demo-pipeline", keep.Deleted);
    }

    [Fact]
    public async Task Skipping_shared_resources_keeps_the_repository_the_other_environments_use()
    {
        var drivers = new InventoryDrivers(owner: "demo");
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions { SkipShared = true }, CancellationToken.None);

        Assert.Equal(10, result.Resources.Count);
        Assert.DoesNotContain("demo", drivers.Deleted);
        Assert.Contains("demo-artifacts-123456789012-us-east-1", drivers.Deleted);
        Assert.Contains("demo-codebuild-role", drivers.Deleted);
        Assert.Contains("demo-site-123456789012-us-east-1", drivers.Deleted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_teardown_order_is_the_graph_reversed_for_every_dependency_kept_after_create(bool environments)
    {
        var spec = TestStacks.Demo() with { ApprovalEmail = "ops@example.com" };
        var graph = environments
            ? StackGraph.For([new EnvironmentStackSpec("staging", StackSpec.FromStackName("demo-staging", "us-east-1", TestStacks.Account) with { StackName = "demo", RepositoryName = "demo", ApprovalEmail = "ops@example.com" }), new EnvironmentStackSpec("production", spec)])
            : StackGraph.For(spec);
        var drivers = new InventoryDrivers(owner: "demo") { Sequential = true };
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(graph, new TeardownOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var order = drivers.DeletedKeys(graph).ToList();
        Assert.Equal(graph.Entries.Count, order.Count);
        var edges = graph.Entries.SelectMany(a => a.DependsOn.Except(a.NeededOnlyToCreate).Select(b => (A: a.Key, B: b))).ToList();
        Assert.Equal(environments ? 12 : 6, edges.Count);
        Assert.All(edges, edge => Assert.True(order.IndexOf(edge.A) < order.IndexOf(edge.B), $"{edge.B} was deleted before {edge.A}, which depends on it"));
        Assert.Equal(result.Resources.Select(r => r.Name), StackGraph.InTeardownOrder(graph.Entries).Select(e => e.Name));
        if (environments)
        {
            Assert.Single(graph.Entries, e => e.Key == "repository");
            Assert.True(order.IndexOf("repository") > Math.Max(order.IndexOf("staging/pipeline"), order.IndexOf("production/build-project")));
        }
    }

    [Fact]
    public async Task A_failed_delete_keeps_what_depends_on_it()
    {
        var drivers = new InventoryDrivers(owner: "demo") { FailOn = "demo-pipeline" };
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("demo-trigger", drivers.Deleted);
        Assert.DoesNotContain("demo-artifacts-123456789012-us-east-1", drivers.Deleted);
        Assert.DoesNotContain("demo-site-123456789012-us-east-1", drivers.Deleted);
        Assert.DoesNotContain("demo", drivers.Deleted);

        // Roles go alongside what they serve: only its creation needed them.
        Assert.Contains("demo-codepipeline-role", drivers.Deleted);
        Assert.Contains("demo-events-role", drivers.Deleted);
    }

    [Fact]
    public async Task A_stack_CloudFormation_manages_is_refused_whole_and_nothing_is_deleted()
    {
        var drivers = new InventoryDrivers(owner: "demo") { CloudFormationStack = "demo-cfn" };
        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(drivers.Deleted);
        Assert.Equal(11, result.Resources.Count);
        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.Kept, r.Action));
        Assert.All(result.Resources, r => Assert.Equal("managed by the CloudFormation stack demo-cfn: left alone", r.Note));
        var failure = Assert.IsType<ProvisioningException>(result.Failure);
        Assert.False(failure.RerunHelps);
        Assert.Contains("CloudFormation stack demo-cfn", failure.Message, StringComparison.Ordinal);
        Assert.Contains("aws cloudformation delete-stack --stack-name demo-cfn", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_refuses_a_stack_CloudFormation_manages_before_changing_anything()
    {
        var drivers = new InventoryDrivers(owner: "demo") { CloudFormationStack = "demo-cfn" };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.Kept, r.Action));
        Assert.StartsWith("AWS::CodeCommit::Repository demo belongs to the CloudFormation stack demo-cfn", result.Failure!.Message, StringComparison.Ordinal);
    }

    /// <summary>An account holding every resource of the stack, tagged for <c>owner</c> (null: empty account).</summary>
    internal sealed class InventoryDrivers(string? owner) : IStackDrivers, IRepositorySeeder
    {
        public ConcurrentQueue<string> Deleted { get; } = new();

        public string? FailOn { get; init; }

        /// <summary>Deletes one at a time, so the order deletes are recorded in is the order they happened in.</summary>
        public bool Sequential { get; init; }

        /// <summary>Every delete waits for this first (at most 10 s, then it fails): shows what a run does before its deletions.</summary>
        public Task? HoldDeletesUntil { get; init; }

        private readonly SemaphoreSlim _one = new(1, 1);

        /// <summary>The keys of the deleted resources, in order (every name in the graph is unique).</summary>
        public IEnumerable<string> DeletedKeys(StackGraph graph) => Deleted.Select(name => graph.Entries.Single(e => e.Name == name).Key);

        /// <summary>The CloudFormation stack whose tag the resources carry (deployed from <c>pipectl export</c>), or null.</summary>
        public string? CloudFormationStack { get; init; }

        private Dictionary<string, string> Tags => owner is null ? [] : CloudFormationStack is null
            ? new() { ["pipectl:stack"] = owner, ["pipectl:region"] = "us-east-1" }
            : new() { ["pipectl:stack"] = owner, ["pipectl:region"] = "us-east-1", [StackOwnership.CloudFormationStackTagKey] = CloudFormationStack };

        public IResourceDriver<RepositorySpec, RepositoryState> Repositories => new Driver<RepositorySpec, RepositoryState>(this, ResourceTypes.Repository, s => new RepositoryState(s.Name, "arn", "x", null, null, Tags), s => s.Name);

        public IResourceDriver<BucketSpec, BucketState> Buckets => new Driver<BucketSpec, BucketState>(this, ResourceTypes.Bucket, s => new BucketState(s.Name, "arn", true, true, s.PublicAccessBlock, null, null, Tags), s => s.Name);

        public IResourceDriver<RoleSpec, RoleState> Roles => new Driver<RoleSpec, RoleState>(this, ResourceTypes.Role, s => new RoleState(s.Name, "arn", s.TrustPolicy, s.InlinePolicies, Tags), s => s.Name);

        public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects => new Driver<BuildProjectSpec, BuildProjectState>(this, ResourceTypes.BuildProject, s => new BuildProjectState(s.Name, "arn", s.SourceType, null, null, s.Image, s.ComputeType, s.ServiceRoleArn, null, Tags), s => s.Name);

        public IResourceDriver<TopicSpec, TopicState> Topics => new Driver<TopicSpec, TopicState>(this, ResourceTypes.Topic, s => new TopicState(s.Name, "arn", [], Tags), s => s.Name);

        public IResourceDriver<PipelineSpec, PipelineState> Pipelines => new Driver<PipelineSpec, PipelineState>(this, ResourceTypes.Pipeline, s => new PipelineState("arn", s.Declaration, Tags), s => s.Declaration.Name);

        public IResourceDriver<RuleSpec, RuleState> Rules => new Driver<RuleSpec, RuleState>(this, ResourceTypes.Rule, s => new RuleState(s.Name, "arn", s.EventPattern, true, [], Tags), s => s.Name);

        public IResourceDriver<ConnectionSpec, ConnectionState> Connections => new Driver<ConnectionSpec, ConnectionState>(this, ResourceTypes.Connection, s => new ConnectionState(s.Name, "arn", s.ProviderType, "AVAILABLE", Tags), s => s.Name);

        public IResourceDriver<DistributionSpec, DistributionState> Distributions => new Driver<DistributionSpec, DistributionState>(this, ResourceTypes.Distribution, s => new DistributionState("E1", "arn", "d1.cloudfront.net", "Deployed", false, s.OriginDomain, s.Name, "", "", null, [], Tags), s => s.OriginAccessControlName + " (distribution)");

        public IResourceDriver<EcrRepositorySpec, EcrRepositoryState> EcrRepositories => new Driver<EcrRepositorySpec, EcrRepositoryState>(this, ResourceTypes.EcrRepository, s => new EcrRepositoryState(s.Name, "arn", "uri", true, null, Tags), s => s.Name + " (ECR)");

        public IResourceDriver<EcsServiceSpec, EcsServiceState> EcsServices => new EmptyAccountDrivers().EcsServices;
        public IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups => new Driver<ReportGroupSpec, ReportGroupState>(this, ResourceTypes.ReportGroup, s => new ReportGroupState(s.Name, s.Arn, s.Type, ReportGroupSpec.NoExport, Tags), s => s.Name);

        public IRepositorySeeder Seeder => this;

        public Task<bool> BranchExistsAsync(string repositoryName, string branch, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<string> SeedAsync(string repositoryName, string branch, IReadOnlyList<SeedFile> files, CancellationToken cancellationToken) => throw new NotSupportedException();

        private sealed class Driver<TSpec, TState>(InventoryDrivers account, string type, Func<TSpec, TState> read, Func<TState, string> nameOf) : IResourceDriver<TSpec, TState>
            where TSpec : IDesiredState<TState>
            where TState : class
        {
            public string Type => type;

            public string? ArnOf(TState state) => "arn";

            public Task<TState?> ReadAsync(TSpec desired, CancellationToken cancellationToken) => Task.FromResult(account.Owner is null ? null : read(desired));

            public Task<TState> CreateAsync(TSpec desired, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<TState> UpdateAsync(TSpec desired, TState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken) => throw new NotSupportedException();

            public async Task DeleteAsync(TState actual, CancellationToken cancellationToken)
            {
                var name = nameOf(actual);
                if (account.Sequential)
                {
                    await account._one.WaitAsync(cancellationToken);
                }

                try
                {
                    if (account.HoldDeletesUntil is { } hold)
                    {
                        await hold.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                    }

                    await Task.Delay(name.Length % 5, cancellationToken);
                    if (account.FailOn == name)
                    {
                        throw new InvalidOperationException($"cannot delete {name}");
                    }

                    account.Deleted.Enqueue(name);
                }
                finally
                {
                    if (account.Sequential)
                    {
                        account._one.Release();
                    }
                }
            }
        }

        public string? Owner => owner;
    }
}
