using System.Collections.Concurrent;
using Moq;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Orchestration;

/// <summary>
/// What runs alongside what (issue 17), with Moq drivers that record every call in order. Overlap is shown
/// without timing anything: a call that must overlap another waits on a gate only that other call opens, so a
/// schedule that serialised them would never open it (the guard turns that into a failure, not a hang).
/// </summary>
public sealed class SchedulingConcurrencyTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private static readonly DesiredStack Demo = DesiredStack.From(TestStacks.Demo());

    [Fact]
    public async Task The_rule_is_created_while_the_pipeline_is_still_being_created()
    {
        var account = new MockAccount(exists: false);
        var ruleCreated = account.GateOn("create demo-trigger");
        account.HoldUntil("create demo-pipeline", ruleCreated);

        var result = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var calls = account.Calls.ToList();
        Assert.True(calls.IndexOf("create demo-trigger") < calls.IndexOf("created demo-pipeline"));
        Assert.True(calls.IndexOf("created demo-events-role") < calls.IndexOf("create demo-trigger"));
    }

    [Fact]
    public async Task Apply_still_creates_the_project_and_the_pipeline_only_after_their_roles()
    {
        var account = new MockAccount(exists: false);

        var result = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var calls = account.Calls.ToList();
        Assert.True(calls.IndexOf("created demo-codebuild-role") < calls.IndexOf("create demo-build"));
        Assert.True(calls.IndexOf("created demo-build") < calls.IndexOf("create demo-pipeline"));
        Assert.True(calls.IndexOf("created demo-codepipeline-role") < calls.IndexOf("create demo-deploy-role"));
        Assert.True(calls.IndexOf("created demo-deploy-role") < calls.IndexOf("create demo-pipeline"));
    }

    [Fact]
    public async Task The_preflight_runs_alongside_the_reads_and_its_refusal_stops_the_run_before_any_write()
    {
        var account = new MockAccount(exists: false);
        var pipelineRead = account.GateOn("read demo-pipeline");
        var refusal = new ProvisioningException("the account blocks public bucket policies");
        var options = new ApplyOptions
        {
            Preflight = async _ =>
            {
                await pipelineRead.WaitAsync(Guard);
                return refusal;
            },
        };

        var result = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, options, CancellationToken.None);

        Assert.Same(refusal, result.Failure);
        Assert.Empty(result.Resources);
        Assert.DoesNotContain(account.Calls, c => c.StartsWith("create ", StringComparison.Ordinal));
        Assert.Contains("read demo-pipeline", account.Calls);
    }

    [Fact]
    public async Task A_preflight_that_lets_the_run_go_changes_nothing_in_it()
    {
        var account = new MockAccount(exists: false);

        var result = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions { Preflight = _ => Task.FromResult<Exception?>(null) }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(10, account.Calls.Count(c => c.StartsWith("created ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Teardown_reads_everything_at_once_before_the_first_delete_and_reads_only_what_teardown_needs()
    {
        var account = new MockAccount(exists: true);

        var result = await new StackTeardown(account.Drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var calls = account.Calls.ToList();
        var firstDelete = calls.FindIndex(c => c.StartsWith("delete ", StringComparison.Ordinal));
        var reads = calls.Where(c => c.StartsWith("read-to-delete ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Demo.Entries.Count, reads.Count);
        Assert.All(reads, read => Assert.True(calls.IndexOf(read) < firstDelete, $"{read} came after a delete"));
        Assert.DoesNotContain(calls, c => c.StartsWith("read ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teardown_deletes_the_roles_alongside_the_pipeline_and_the_buckets_after_it()
    {
        var account = new MockAccount(exists: true);
        var roleDeleting = account.GateOn("delete demo-codepipeline-role");
        var deployRoleDeleting = account.GateOn("delete demo-deploy-role");
        var projectDeleting = account.GateOn("delete demo-build");
        account.HoldUntil("delete demo-pipeline", Task.WhenAll(roleDeleting, deployRoleDeleting, projectDeleting));

        var result = await new StackTeardown(account.Drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var calls = account.Calls.ToList();
        Assert.True(calls.IndexOf("deleted demo-pipeline") < calls.IndexOf("delete demo-artifacts-123456789012-us-east-1"));
        Assert.True(calls.IndexOf("deleted demo-pipeline") < calls.IndexOf("delete demo-site-123456789012-us-east-1"));
        Assert.True(calls.IndexOf("deleted demo-build") < calls.IndexOf("delete demo-artifacts-123456789012-us-east-1"));
        Assert.True(calls.IndexOf("deleted demo-pipeline") < calls.IndexOf("delete demo"));
    }

    [Fact]
    public async Task Teardown_deletes_the_rule_alongside_the_pipeline()
    {
        var account = new MockAccount(exists: true);
        account.HoldUntil("delete demo-trigger", account.GateOn("delete demo-pipeline"));

        var result = await new StackTeardown(account.Drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.True(account.Calls.ToList().IndexOf("deleted demo-trigger") < account.Calls.ToList().IndexOf("delete demo"));
    }

    [Fact]
    public async Task Reads_by_name_go_out_before_the_account_is_known_and_the_run_does_not_send_them_again()
    {
        var account = new MockAccount(exists: true);
        var withoutAccount = StackGraph.For(StackSpec.FromStackName("demo", "us-east-1", null));

        var early = EarlyReads.ForApply(withoutAccount, StackParts.All, account.Drivers, CancellationToken.None);

        // Nothing waited for an account: every resource found by a name without it is being read already; the
        // buckets, whose names hold the account, only had their drivers prepare.
        var named = Demo.Entries.Where(e => e.Key is not ResourceKeys.ArtifactBucket and not ResourceKeys.SiteBucket && e.Wanted).Select(e => e.Name).ToList();
        Assert.Equal(named.Order(StringComparer.Ordinal), account.Calls.Where(c => c.StartsWith("read ", StringComparison.Ordinal)).Select(c => c[5..]).Order(StringComparer.Ordinal));
        Assert.Equal(["prepare demo-artifacts-<account>-us-east-1", "prepare demo-site-<account>-us-east-1"], account.Calls.Where(c => c.StartsWith("prepare ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var result = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions { DryRun = true, EarlyReads = early }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var reads = account.Calls.Where(c => c.StartsWith("read ", StringComparison.Ordinal)).ToList();
        Assert.Equal(reads.Distinct(StringComparer.Ordinal).Count(), reads.Count);
        Assert.Contains("read demo-artifacts-123456789012-us-east-1", reads);
        Assert.Contains("read demo-site-123456789012-us-east-1", reads);
        Assert.Equal(Demo.Entries.Count(e => e.Wanted), reads.Count);
    }

    [Fact]
    public async Task A_resources_later_read_follows_its_own_first_while_another_first_read_is_still_pending()
    {
        var account = new MockAccount(exists: true);
        account.ReadsInTwoSteps("demo-codebuild-role");
        account.HoldUntil("read demo-pipeline", account.GateOn("read-more demo-codebuild-role"));
        var early = EarlyReads.ForApply(StackGraph.For(StackSpec.FromStackName("demo", "us-east-1", null)), StackParts.All, account.Drivers, CancellationToken.None);

        var result = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions { DryRun = true, EarlyReads = early }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var calls = account.Calls.ToList();
        Assert.True(calls.IndexOf("read-more demo-codebuild-role") < calls.IndexOf("done-read demo-pipeline"));
    }

    [Fact]
    public async Task A_kind_whose_driver_does_not_read_by_name_is_read_only_by_the_run()
    {
        var account = new MockAccount(exists: true);
        account.NotByName<RuleState>();

        var early = EarlyReads.ForApply(StackGraph.For(StackSpec.FromStackName("demo", "us-east-1", null)), StackParts.All, account.Drivers, CancellationToken.None);

        Assert.DoesNotContain(ResourceKeys.Rule, early.Keys);
        Assert.DoesNotContain("read demo-trigger", account.Calls);
        Assert.Contains(ResourceKeys.Pipeline, early.Keys);
        var result = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions { DryRun = true, EarlyReads = early }, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Single(account.Calls, c => c == "read demo-trigger");
    }

    [Fact]
    public async Task Teardown_uses_the_early_reads_to_delete_and_an_apply_does_not_take_them()
    {
        var account = new MockAccount(exists: true);
        var withoutAccount = StackGraph.For(StackSpec.FromStackName("demo", "us-east-1", null));

        var early = EarlyReads.ForTeardown(withoutAccount, new TeardownOptions(), account.Drivers, CancellationToken.None);

        Assert.Contains("read-to-delete demo-pipeline", account.Calls);
        Assert.DoesNotContain(account.Calls, c => c.StartsWith("prepare ", StringComparison.Ordinal));
        var plan = await new StackOrchestrator(account.Drivers, SilentProgress.Instance).ApplyAsync(Demo, StackParts.All, new ApplyOptions { DryRun = true, EarlyReads = early }, CancellationToken.None);
        Assert.True(plan.Succeeded, plan.Failure?.Message);
        Assert.Contains("read demo-pipeline", account.Calls);

        var result = await new StackTeardown(account.Drivers, SilentProgress.Instance).RemoveAsync(Demo, new TeardownOptions { EarlyReads = early }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Single(account.Calls, c => c == "read-to-delete demo-pipeline");
        Assert.Contains("deleted demo-pipeline", account.Calls);
    }

    /// <summary>An account of Moq drivers: every resource of the stack exists (owned by it) or none does.</summary>
    private sealed class MockAccount
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
        private readonly ConcurrentDictionary<string, Task> _holds = new();
        private readonly Dictionary<string, string> _tags = new(StackOwnership.TagsFor("demo", "us-east-1"));
        private readonly bool _exists;
        private readonly ConcurrentDictionary<Type, bool> _notByName = new();
        private readonly ConcurrentDictionary<string, bool> _twoSteps = new();

        public MockAccount(bool exists)
        {
            _exists = exists;
            var seeder = new Mock<IRepositorySeeder>();
            seeder.Setup(s => s.BranchExistsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
            var drivers = new Mock<IStackDrivers>();
            drivers.Setup(d => d.Repositories).Returns(Driver<RepositorySpec, RepositoryState>(s => new RepositoryState(s.Name, "arn", null, null, null, _tags)));
            drivers.Setup(d => d.Buckets).Returns(Driver<BucketSpec, BucketState>(s => new BucketState(s.Name, "arn", s.Versioning, s.DefaultEncryption, s.PublicAccessBlock, s.Policy, s.Website, _tags)));
            drivers.Setup(d => d.Roles).Returns(Driver<RoleSpec, RoleState>(s => new RoleState(s.Name, "arn", s.TrustPolicy, s.InlinePolicies, _tags)));
            drivers.Setup(d => d.BuildProjects).Returns(Driver<BuildProjectSpec, BuildProjectState>(s => new BuildProjectState(s.Name, "arn", s.SourceType, s.SourceLocation, s.Buildspec, s.Image, s.ComputeType, s.ServiceRoleArn, s.LogGroupName, _tags)));
            drivers.Setup(d => d.Topics).Returns(Driver<TopicSpec, TopicState>(s => new TopicState(s.Name, "arn", [], _tags)));
            drivers.Setup(d => d.Pipelines).Returns(Driver<PipelineSpec, PipelineState>(s => new PipelineState("arn", s.Declaration, _tags)));
            drivers.Setup(d => d.Rules).Returns(Driver<RuleSpec, RuleState>(s => new RuleState(s.Name, "arn", s.EventPattern, true, [s.Target], _tags)));
            drivers.Setup(d => d.Seeder).Returns(seeder.Object);
            Drivers = drivers.Object;
        }

        public IStackDrivers Drivers { get; }

        /// <summary>Every call in the order it happened: "read|read-to-delete|create|created|delete|deleted NAME".</summary>
        public ConcurrentQueue<string> Calls { get; } = new();

        /// <summary>A task that completes when the call <paramref name="call"/> starts.</summary>
        public Task GateOn(string call) => _gates.GetOrAdd(call, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        /// <summary>The read of <paramref name="name"/> is two requests, the second after the first ("read-more NAME").</summary>
        public void ReadsInTwoSteps(string name) => _twoSteps[name] = true;

        /// <summary>The driver of <typeparamref name="TState"/> says its reads need more than a name.</summary>
        public void NotByName<TState>() => _notByName[typeof(TState)] = true;

        /// <summary>The call <paramref name="call"/> does not finish before <paramref name="until"/> (or the guard) does.</summary>
        public void HoldUntil(string call, Task until) => _holds[call] = until;

        private async Task RecordAsync(string verb, string name)
        {
            var call = $"{verb} {name}";
            Calls.Enqueue(call);
            _gates.GetOrAdd(call, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            if (_holds.TryGetValue(call, out var until))
            {
                await until.WaitAsync(Guard);
            }

            await Task.Yield();
        }

        private IResourceDriver<TSpec, TState> Driver<TSpec, TState>(Func<TSpec, TState> state)
            where TSpec : IDesiredState<TState>
            where TState : class
        {
            var names = new ConcurrentDictionary<TState, string>(ReferenceEqualityComparer.Instance);
            TState Made(TSpec spec)
            {
                var made = state(spec);
                names[made] = spec.Name;
                return made;
            }

            // What exists is the stack as made in the account, whatever desired state (an early read's, built without the account) the read was given.
            static TSpec InAccount(TSpec spec) =>
                Demo.Entries.OfType<ResourceEntry<TSpec, TState>>().Where(e => e.Name == spec.Name).Select(e => e.Desired).DefaultIfEmpty(spec).First();

            var driver = new Mock<IResourceDriver<TSpec, TState>>(MockBehavior.Strict);
            driver.Setup(d => d.Type).Returns(typeof(TState).Name);
            driver.Setup(d => d.ArnOf(It.IsAny<TState>())).Returns("arn");
            driver.Setup(d => d.ReadsByName).Returns(() => !_notByName.ContainsKey(typeof(TState)));
            driver.Setup(d => d.PrepareRead(It.IsAny<TSpec>(), It.IsAny<CancellationToken>())).Callback((TSpec spec, CancellationToken _) => Calls.Enqueue($"prepare {spec.Name}"));
            driver.Setup(d => d.ReadAsync(It.IsAny<TSpec>(), It.IsAny<CancellationToken>())).Returns(async (TSpec spec, CancellationToken _) =>
            {
                await RecordAsync("read", spec.Name);
                if (_twoSteps.ContainsKey(spec.Name))
                {
                    await RecordAsync("read-more", spec.Name);
                }

                Calls.Enqueue($"done-read {spec.Name}");
                return _exists ? Made(InAccount(spec)) : null;
            });
            driver.Setup(d => d.ReadToDeleteAsync(It.IsAny<TSpec>(), It.IsAny<CancellationToken>())).Returns(async (TSpec spec, CancellationToken _) =>
            {
                await RecordAsync("read-to-delete", spec.Name);
                return _exists ? Made(InAccount(spec)) : null;
            });
            driver.Setup(d => d.CreateAsync(It.IsAny<TSpec>(), It.IsAny<CancellationToken>())).Returns(async (TSpec spec, CancellationToken _) =>
            {
                await RecordAsync("create", spec.Name);
                Calls.Enqueue($"created {spec.Name}");
                return Made(spec);
            });
            driver.Setup(d => d.DeleteAsync(It.IsAny<TState>(), It.IsAny<CancellationToken>())).Returns(async (TState actual, CancellationToken _) =>
            {
                await RecordAsync("delete", names[actual]);
                Calls.Enqueue($"deleted {names[actual]}");
            });
            return driver.Object;
        }
    }
}
