using System.Collections.Concurrent;
using Pipectl.Core.Engine;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Tests.Orchestration;

namespace Pipectl.Core.Tests.Engine;

/// <summary>
/// The engine decides without an interface and without AWS: bad settings stop it before the account is opened, a
/// plan without credentials asks nothing of the account, an apply writes the stack's record before its first write,
/// a teardown asks its host before it deletes and deletes nothing on a "no", and a teardown that finds nothing fails.
/// </summary>
public sealed class StackEngineTests
{
    private static StackRunRequest Request(Func<StackRunRequest, StackRunRequest>? change = null) =>
        (change ?? (r => r))(new StackRunRequest { Command = "bootstrap", StackName = "demo", Region = "us-east-1" });

    [Fact]
    public async Task Bad_settings_stop_the_run_before_the_account_is_opened()
    {
        var opened = 0;
        var request = Request(r => r with { Overrides = new StackOverrides { ComputeType = "HUGE" } });
        var engine = new StackEngine(request, new Host(), () =>
        {
            opened++;
            return new Backend(new StackOrchestratorTests.RecordingDrivers());
        });

        var failure = await Assert.ThrowsAsync<StackInputException>(() => engine.RunAsync(CancellationToken.None));

        Assert.Contains("HUGE", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, opened);
        Assert.Equal(RequestTally.None, engine.Tally);
    }

    [Fact]
    public async Task A_plan_without_credentials_asks_the_account_nothing()
    {
        var backend = new Backend(new StackOrchestratorTests.RecordingDrivers()) { Credentials = false };
        var engine = new StackEngine(Request(r => r with { DryRun = true }), new Host(), () => backend);

        var outcome = await engine.RunAsync(CancellationToken.None);

        Assert.Null(outcome.Result.Failure);
        Assert.Equal(StackOrchestrator.OfflineNote, outcome.Note);
        Assert.All(outcome.Result.Resources, r => Assert.Equal(ResourceAction.WouldCreate, r.Action));
        Assert.Empty(backend.Calls);
        Assert.True(backend.Disposed);
    }

    [Fact]
    public async Task An_apply_without_credentials_fails_on_them_before_any_read()
    {
        var backend = new Backend(new StackOrchestratorTests.RecordingDrivers()) { Credentials = false };
        var engine = new StackEngine(Request(), new Host(), () => backend);

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync(CancellationToken.None));

        Assert.Empty(backend.Calls);
    }

    [Fact]
    public async Task A_first_bootstrap_writes_the_record_before_the_first_resource_and_creates_the_stack()
    {
        var drivers = new StackOrchestratorTests.RecordingDrivers();
        var backend = new Backend(drivers) { BeforeWrite = () => drivers.Calls.Count(c => c.StartsWith("create", StringComparison.Ordinal)) };
        var engine = new StackEngine(Request(), new Host(), () => backend);

        var outcome = await engine.RunAsync(CancellationToken.None);

        Assert.Null(outcome.Result.Failure);
        Assert.Equal("123456789012", engine.Account);
        Assert.Contains(outcome.Result.Resources, r => r.Type == ResourceTypes.Pipeline && r.Name == "demo-pipeline" && r.Action == ResourceAction.Created);
        var written = Assert.Single(backend.Written);
        Assert.Equal("demo", written.Stack);
        Assert.Equal(0, backend.CreatesBeforeRecord);
        Assert.Contains("caller", backend.Calls);
    }

    [Fact]
    public async Task A_teardown_answered_no_deletes_nothing_and_keeps_the_record()
    {
        var drivers = new StackTeardownTests.InventoryDrivers("demo");
        var host = new Host { Answer = false };
        var backend = new Backend(drivers) { Record = Recorded() };
        var engine = new StackEngine(Request(r => r with { Command = "teardown", Teardown = new TeardownRequest(false, false, false, false) }), host, () => backend);

        var outcome = await engine.RunAsync(CancellationToken.None);

        Assert.True(outcome.Declined);
        Assert.Empty(drivers.Deleted);
        Assert.False(backend.RecordDeleted);
        var question = Assert.Single(host.Teardowns);
        Assert.Contains(question.Doomed, r => r.Type == ResourceTypes.Pipeline && r.Name == "demo-pipeline");
        Assert.Contains(question.Losses, l => l.StartsWith("repository demo: 3 branches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confirmed_teardown_deletes_the_stack_and_its_record()
    {
        var drivers = new StackTeardownTests.InventoryDrivers("demo");
        var backend = new Backend(drivers) { Record = Recorded() };
        var engine = new StackEngine(Request(r => r with { Command = "teardown", Teardown = new TeardownRequest(false, false, false, false) }), new Host { Answer = true }, () => backend);

        var outcome = await engine.RunAsync(CancellationToken.None);

        Assert.False(outcome.Declined);
        Assert.Null(outcome.Result.Failure);
        Assert.Contains("demo-pipeline", drivers.Deleted);
        Assert.True(backend.RecordDeleted);
    }

    [Fact]
    public async Task A_default_stacks_record_is_deleted_alongside_its_deletions_not_after_them()
    {
        // Every part of a stack of default settings is found again by --name alone: the record need not outlive any.
        var recordGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var drivers = new StackTeardownTests.InventoryDrivers("demo") { HoldDeletesUntil = recordGone.Task };
        string[]? deletedBefore = null;
        var backend = new Backend(drivers)
        {
            Record = Recorded(),
            OnRecordDeleted = () =>
            {
                deletedBefore = [.. drivers.Deleted];
                recordGone.TrySetResult();
            },
        };
        var engine = new StackEngine(Request(r => r with { Command = "teardown", Teardown = new TeardownRequest(true, false, false, false) }), new Host(), () => backend);

        var outcome = await engine.RunAsync(CancellationToken.None);

        Assert.Null(outcome.Result.Failure);
        Assert.Empty(deletedBefore!);
        Assert.Contains("demo-codebuild-role", drivers.Deleted);
        Assert.Contains("demo-pipeline", drivers.Deleted);
    }

    [Fact]
    public async Task A_record_naming_a_part_that_only_it_finds_is_deleted_after_that_part_and_kept_when_that_part_stays()
    {
        var custom = StackRecord.Next(null, "demo", "us-east-1", new Dictionary<string, RecordedSpec>(StringComparer.Ordinal) { [StackRecord.SingleStack] = RecordedSpec.Of(TestStacks.Demo() with { BuildRoleName = "demo-custom-build" }) }, true);
        var drivers = new StackTeardownTests.InventoryDrivers("demo") { Sequential = true };
        string[]? deletedBefore = null;
        var backend = new Backend(drivers) { Record = custom, OnRecordDeleted = () => deletedBefore = [.. drivers.Deleted] };
        var teardown = Request(r => r with { Command = "teardown", Teardown = new TeardownRequest(true, false, false, false) });

        var outcome = await new StackEngine(teardown, new Host(), () => backend).RunAsync(CancellationToken.None);

        Assert.Null(outcome.Result.Failure);
        Assert.Contains("demo-custom-build", deletedBefore!);

        // The part only the record names fails to go: the record stays, so the next teardown --name still finds it.
        var failing = new StackTeardownTests.InventoryDrivers("demo") { FailOn = "demo-custom-build" };
        var kept = new Backend(failing) { Record = custom };

        var failed = await new StackEngine(teardown, new Host(), () => kept).RunAsync(CancellationToken.None);

        Assert.NotNull(failed.Result.Failure);
        Assert.False(kept.RecordDeleted);
        Assert.Contains("demo-pipeline", failing.Deleted);
    }

    [Fact]
    public async Task A_teardown_of_a_recorded_stack_reads_its_deployed_stages_while_the_tag_search_runs()
    {
        var drivers = new StackTeardownTests.InventoryDrivers("demo");
        var backend = new Backend(drivers) { Record = Recorded(), SearchWaitsForStages = true };
        var engine = new StackEngine(Request(r => r with { Command = "teardown", Teardown = new TeardownRequest(true, false, false, false) }), new Host(), () => backend);

        var outcome = await engine.RunAsync(CancellationToken.None);

        Assert.Null(outcome.Result.Failure);
        var calls = backend.Calls.ToList();
        Assert.True(calls.IndexOf("stages demo-pipeline") < calls.IndexOf("found"), string.Join(", ", calls));
        Assert.Single(calls, c => c == "stages demo-pipeline");
    }

    [Fact]
    public async Task Without_a_record_the_stages_are_read_only_for_the_stack_found()
    {
        var drivers = new StackTeardownTests.InventoryDrivers("demo");
        var backend = new Backend(drivers);
        var engine = new StackEngine(Request(r => r with { Command = "teardown", Teardown = new TeardownRequest(true, false, false, false) }), new Host(), () => backend);

        await engine.RunAsync(CancellationToken.None);

        var calls = backend.Calls.ToList();
        Assert.True(calls.IndexOf("found") < calls.IndexOf("stages demo-pipeline"), string.Join(", ", calls));
    }

    private static StackRecord Recorded() =>
        StackRecord.Next(null, "demo", "us-east-1", new Dictionary<string, RecordedSpec>(StringComparer.Ordinal) { [StackRecord.SingleStack] = RecordedSpec.Of(TestStacks.Demo()) }, true);

    [Fact]
    public async Task A_teardown_that_finds_nothing_and_no_record_is_stack_not_found()
    {
        var backend = new Backend(new StackTeardownTests.InventoryDrivers(null));
        var engine = new StackEngine(Request(r => r with { Command = "teardown", Teardown = new TeardownRequest(true, false, false, false) }), new Host(), () => backend);

        var outcome = await engine.RunAsync(CancellationToken.None);

        var failure = Assert.IsType<StackNotFoundException>(outcome.Result.Failure);
        Assert.Contains("demo", failure.Message, StringComparison.Ordinal);
        Assert.False(outcome.Stopped);
    }

    [Fact]
    public async Task A_failed_count_is_named_in_the_losses_and_other_exceptions_are_not_caught()
    {
        var doomed = new List<ResourceOutcome> { new(ResourceTypes.Repository, "demo", null, ResourceAction.WouldDelete) };
        var failing = new Contents { Failure = new TimeoutException("slow") };

        var lines = await TeardownLosses.DescribeAsync(failing, doomed, e => e is TimeoutException ? "timed out" : null, CancellationToken.None);
        Assert.Equal("repository demo: its contents could not be counted (timed out); they will be deleted with it", lines[0]);

        await Assert.ThrowsAsync<TimeoutException>(() => TeardownLosses.DescribeAsync(failing, doomed, _ => null, CancellationToken.None));
    }

    private sealed class Host : IStackRunHost
    {
        public bool Answer { get; init; } = true;

        public List<TeardownQuestion> Teardowns { get; } = [];

        public List<string> Notices { get; } = [];

        public IStackProgress BeginProgress() => SilentProgress.Instance;

        public Task<bool> ConfirmTeardownAsync(TeardownQuestion question, CancellationToken cancellationToken)
        {
            Teardowns.Add(question);
            return Task.FromResult(Answer);
        }

        public Task<bool> ConfirmPruningAsync(PruningQuestion question, CancellationToken cancellationToken) => Task.FromResult(Answer);

        public Task<bool> ConfirmWideningAsync(WideningQuestion question, CancellationToken cancellationToken) => Task.FromResult(Answer);

        public Task NoticeAsync(string line)
        {
            Notices.Add(line);
            return Task.CompletedTask;
        }
    }

    private sealed class Contents : IStackContents
    {
        public Exception? Failure { get; init; }

        public Task<int> CountBranchesAsync(string repositoryName, CancellationToken cancellationToken) => Failure is null ? Task.FromResult(3) : Task.FromException<int>(Failure);

        public Task<(int Count, bool More)> CountObjectsAsync(string bucket, CancellationToken cancellationToken) => Failure is null ? Task.FromResult((0, false)) : Task.FromException<(int, bool)>(Failure);
    }

    /// <summary>An account of test drivers: every call the engine makes of it besides the drivers is recorded.</summary>
    private sealed class Backend(IStackDrivers drivers) : IStackBackend
    {
        public bool Credentials { get; init; } = true;

        public StackRecord? Record { get; init; }

        public Func<int>? BeforeWrite { get; init; }

        public int? CreatesBeforeRecord { get; private set; }

        public ConcurrentQueue<string> Calls { get; } = new();

        public List<StackRecord> Written { get; } = [];

        public bool RecordDeleted { get; private set; }

        public bool Disposed { get; private set; }

        public IStackContents Contents => new Contents();

        public RequestTally Tally => new(Calls.Count, Written.Count, new SortedDictionary<string, int>(), []);

        public bool HasCredentials() => Credentials;

        public void RequireCredentials() => throw new InvalidOperationException("no credentials");

        public Task<CallerIdentity> CallerAsync(CancellationToken cancellationToken)
        {
            Calls.Enqueue("caller");
            return Task.FromResult(new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/dev"));
        }

        public IAccountDrivers Drivers(Task<string> account, bool deleteImages) => new AccountDrivers(drivers);

        /// <summary>The tag search answers only once the deployed stages were asked for (or after 10 s): it shows which came first.</summary>
        public bool SearchWaitsForStages { get; init; }

        private readonly TaskCompletionSource _stagesAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<FoundStack> FindAsync(string stackName, string region, CancellationToken cancellationToken)
        {
            Calls.Enqueue("find");
            if (SearchWaitsForStages)
            {
                await Task.WhenAny(_stagesAsked.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
            }

            Calls.Enqueue("found");
            return FoundStack.Nothing(stackName);
        }

        public Task<StackRecord?> ReadRecordAsync(string stackName, CancellationToken cancellationToken)
        {
            Calls.Enqueue("read record");
            return Task.FromResult(Record);
        }

        public Task<StackRecord> WriteRecordAsync(StackRecord record, bool exists, CancellationToken cancellationToken)
        {
            CreatesBeforeRecord ??= BeforeWrite?.Invoke();
            Written.Add(record);
            return Task.FromResult(record);
        }

        /// <summary>Called when the record is deleted (what was deleted by then, say).</summary>
        public Action? OnRecordDeleted { get; init; }

        public Task DeleteRecordAsync(string stackName, CancellationToken cancellationToken)
        {
            OnRecordDeleted?.Invoke();
            RecordDeleted = true;
            return Task.CompletedTask;
        }

        public Task<DeployedStages> ReadDeployedStagesAsync(StackSpec spec, CancellationToken cancellationToken)
        {
            Calls.Enqueue($"stages {spec.PipelineName}");
            _stagesAsked.TrySetResult();
            return Task.FromResult(DeployedStages.None);
        }

        public Task<PermissionCheckResult> CheckPermissionsAsync(string callerArn, IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken)
        {
            Calls.Enqueue("permissions");
            return Task.FromResult(new PermissionCheckResult("dev", [], null));
        }

        public Task<string> WaitForConnectionAsync(string connectionArn, Action<string, TimeSpan> progress, CancellationToken cancellationToken) => Task.FromResult("AVAILABLE");

        public string? RequestFailureText(Exception failure) => null;

        public void Dispose() => Disposed = true;
    }

    private sealed class AccountDrivers(IStackDrivers inner) : IAccountDrivers
    {
        public IResourceDriver<RepositorySpec, RepositoryState> Repositories => inner.Repositories;

        public IResourceDriver<BucketSpec, BucketState> Buckets => inner.Buckets;

        public IResourceDriver<RoleSpec, RoleState> Roles => inner.Roles;

        public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects => inner.BuildProjects;

        public IResourceDriver<TopicSpec, TopicState> Topics => inner.Topics;

        public IResourceDriver<PipelineSpec, PipelineState> Pipelines => inner.Pipelines;

        public IResourceDriver<RuleSpec, RuleState> Rules => inner.Rules;

        public IResourceDriver<ConnectionSpec, ConnectionState> Connections => inner.Connections;

        public IResourceDriver<DistributionSpec, DistributionState> Distributions => inner.Distributions;

        public IResourceDriver<EcrRepositorySpec, EcrRepositoryState> EcrRepositories => inner.EcrRepositories;

        public IResourceDriver<EcsServiceSpec, EcsServiceState> EcsServices => inner.EcsServices;

        public IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups => inner.ReportGroups;

        public IRepositorySeeder Seeder => inner.Seeder;

        public IAccountPublicAccess AccountPublicAccess => new NoBlock();

        public IAccountDrivers ReportingTo(IStackProgress progress, bool noWait = false) => this;

        private sealed class NoBlock : IAccountPublicAccess
        {
            public Task<PublicAccessBlock?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<PublicAccessBlock?>(null);
        }
    }
}
