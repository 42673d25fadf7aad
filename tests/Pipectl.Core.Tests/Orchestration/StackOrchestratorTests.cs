using System.Collections.Concurrent;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Orchestration;

public sealed class StackOrchestratorTests
{
    private static DesiredStack Stack(Func<Pipectl.Core.Stacks.StackSpec, Pipectl.Core.Stacks.StackSpec>? change = null) =>
        DesiredStack.From((change ?? (s => s))(TestStacks.Demo()));

    [Fact]
    public async Task Bootstrap_creates_every_resource_in_dependency_order()
    {
        var drivers = new RecordingDrivers();
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(10, result.Resources.Count);
        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.Created, r.Action));
        var order = drivers.Finished.ToList();
        Assert.True(order.IndexOf("demo-codebuild-role") < order.IndexOf("demo-build"));
        Assert.True(order.IndexOf("demo-build") < order.IndexOf("demo-pipeline"));
        Assert.True(order.IndexOf("demo-codepipeline-role") < order.IndexOf("demo-pipeline"));
        Assert.True(order.IndexOf("demo-deploy-role") < order.IndexOf("demo-pipeline"));
        Assert.True(order.IndexOf("demo-codepipeline-role") < order.IndexOf("demo-deploy-role"));
        Assert.True(order.IndexOf("demo-events-role") < order.IndexOf("demo-trigger"));
        Assert.Equal("demo-pipeline", result.Outputs[StackOutputs.PipelineName]);
        Assert.StartsWith("http://demo-site-123456789012-us-east-1.s3-website-us-east-1", result.Outputs[StackOutputs.WebsiteUrl]);
    }

    [Fact]
    public async Task A_CloudFront_site_bucket_is_created_before_the_distribution_and_gets_its_policy_once_the_distribution_exists()
    {
        var drivers = new RecordingDrivers();
        var spec = TestStacks.Demo() with { Site = SiteTypes.CloudFront };

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(DesiredStack.From(spec), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var created = drivers.Created.ToList();
        var bucket = Assert.Single(created.OfType<BucketSpec>(), b => b.Name == spec.SiteBucketName);
        Assert.True(created.IndexOf(bucket) < created.FindIndex(c => c is DistributionSpec));
        Assert.Null(bucket.Policy);
        var final = Assert.IsType<BucketSpec>(drivers.Desired[$"{ResourceTypes.Bucket} {spec.SiteBucketName}"]);
        Assert.Contains("arn:aws:cloudfront::123456789012:distribution/E1", final.Policy, StringComparison.Ordinal);
        Assert.Single(drivers.Calls, c => c == $"update {spec.SiteBucketName}");
    }

    [Fact]
    public async Task Approval_email_adds_the_topic_before_the_pipeline()
    {
        var drivers = new RecordingDrivers();
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(s => s with { ApprovalEmail = "ops@example.com" }), StackParts.Pipeline, new ApplyOptions(), CancellationToken.None);

        Assert.Equal([ResourceTypes.Topic, ResourceTypes.Role, ResourceTypes.Role, ResourceTypes.Pipeline], result.Resources.Select(r => r.Type));
        Assert.True(drivers.Finished.ToList().IndexOf("demo-approvals") < drivers.Finished.ToList().IndexOf("demo-pipeline"));
    }

    [Fact]
    public async Task A_failure_stops_its_dependents_but_the_rest_finishes()
    {
        var drivers = new RecordingDrivers { FailOn = "demo-codebuild-role" };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("boom demo-codebuild-role", result.Failure!.Message);
        var names = result.Resources.Select(r => r.Name).ToList();
        Assert.DoesNotContain("demo-build", names);
        Assert.DoesNotContain("demo-pipeline", names);

        // The rule waits for its role and the repository only: EventBridge does not look its target up.
        Assert.Contains("demo-trigger", names);
        Assert.Contains("demo", names);
        Assert.Contains("demo-artifacts-123456789012-us-east-1", names);
        Assert.Contains("demo-events-role", names);
    }

    [Fact]
    public async Task Dry_run_on_the_empty_account_drivers_plans_every_resource_and_seed()
    {
        var files = new[] { new SeedFile("index.html", [1]) };
        var result = await new StackOrchestrator(new EmptyAccountDrivers(), SilentProgress.Instance).ApplyAsync(Stack(), StackParts.All, new ApplyOptions { DryRun = true, SeedFiles = files }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.WouldCreate, r.Action));
        Assert.Equal(10, result.Resources.Count);
        Assert.Contains("first commit on main: 1 files", result.Resources[0].Changes);
    }

    [Fact]
    public async Task The_empty_account_drivers_refuse_to_mutate()
    {
        var result = await new StackOrchestrator(new EmptyAccountDrivers(), SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Repository, new ApplyOptions(), CancellationToken.None);

        Assert.IsType<InvalidOperationException>(result.Failure);
    }

    [Fact]
    public async Task A_refusing_write_check_is_asked_with_the_plan_after_the_reads_and_stops_the_run_before_any_write()
    {
        var drivers = new RecordingDrivers();
        IReadOnlyList<ResourceOutcome>? asked = null;
        var refusal = new PermissionsDeniedException("arn:aws:iam::123456789012:user/dev", [new PlannedWrite("codepipeline:CreatePipeline", "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline")]);
        var options = new ApplyOptions { CheckWrites = (plan, _) => { asked = plan; return Task.FromResult<Exception?>(refusal); } };

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.All, options, CancellationToken.None);

        Assert.Same(refusal, result.Failure);
        Assert.Empty(result.Resources);
        Assert.DoesNotContain(drivers.Calls, c => c.StartsWith("create", StringComparison.Ordinal) || c.StartsWith("update", StringComparison.Ordinal));
        Assert.NotNull(asked);
        Assert.Equal(10, asked.Count);
        Assert.All(asked, o => Assert.Equal(ResourceAction.WouldCreate, o.Action));
        Assert.Contains(PlannedWrites.Of(asked, "us-east-1", "123456789012"), w => w == new PlannedWrite("codepipeline:CreatePipeline", "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline"));
    }

    [Fact]
    public async Task The_write_check_is_never_asked_about_a_plan_with_nothing_to_write_nor_in_a_dry_run()
    {
        var asked = 0;
        var options = new ApplyOptions { CheckWrites = (_, _) => { asked++; return Task.FromResult<Exception?>(new InvalidOperationException("asked")); } };

        var noOp = await new StackOrchestrator(new RecordingDrivers { Existing = true, BranchExists = true }, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Repository | StackParts.Buckets, options, CancellationToken.None);
        var dryRun = await new StackOrchestrator(new RecordingDrivers(), SilentProgress.Instance).ApplyAsync(Stack(), StackParts.All, options with { DryRun = true }, CancellationToken.None);

        Assert.True(noOp.Succeeded, noOp.Failure?.Message);
        Assert.Equal(3, noOp.Resources.Count);
        Assert.All(noOp.Resources, r => Assert.Equal(ResourceAction.Unchanged, r.Action));
        Assert.True(dryRun.Succeeded);
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task Only_the_requested_parts_are_handled()
    {
        var drivers = new RecordingDrivers();
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Repository | StackParts.Buckets, new ApplyOptions(), CancellationToken.None);

        Assert.Equal([ResourceTypes.Repository, ResourceTypes.Bucket, ResourceTypes.Bucket], result.Resources.Select(r => r.Type));
        Assert.DoesNotContain(drivers.Calls, c => c.StartsWith("create demo-codebuild-role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeding_happens_only_when_the_branch_does_not_exist()
    {
        var files = new[] { new SeedFile("index.html", "<h1>hi</h1>"u8.ToArray()) };
        var fresh = new RecordingDrivers();
        var seeded = await new StackOrchestrator(fresh, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Repository, new ApplyOptions { SeedFiles = files }, CancellationToken.None);
        Assert.Contains("seed demo main 1", fresh.Calls);
        Assert.Contains("first commit on main: 1 files", seeded.Resources[0].Changes);

        var existing = new RecordingDrivers { Existing = true, BranchExists = true };
        var kept = await new StackOrchestrator(existing, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Repository, new ApplyOptions { SeedFiles = files }, CancellationToken.None);
        Assert.DoesNotContain(existing.Calls, c => c.StartsWith("seed", StringComparison.Ordinal));
        Assert.Equal(ResourceAction.Unchanged, kept.Resources[0].Action);
        Assert.Contains("not seeded", kept.Resources[0].Note);
    }

    [Fact]
    public async Task An_existing_repository_is_used_as_it_is_only_when_asked_and_reported_as_adopted()
    {
        var drivers = new RecordingDrivers { Existing = true, Untagged = true, RepositoryDescription = "the team's own repo" };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(s => s with { ExistingRepository = true }), StackParts.Repository, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(ResourceAction.Unchanged, result.Resources[0].Action);
        Assert.Equal(StackOrchestrator.AdoptedNote, result.Resources[0].Note);
        Assert.Equal("https://clone/demo", result.Outputs[StackOutputs.CloneUrlHttp]);
    }

    [Fact]
    public async Task A_repository_made_by_hand_stops_the_run_unless_the_stack_is_told_to_use_it()
    {
        var drivers = new RecordingDrivers { Existing = true, Untagged = true, RepositoryDescription = "the team's own repo" };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Repository, new ApplyOptions(), CancellationToken.None);

        var refusal = Assert.IsType<ProvisioningException>(result.Failure);
        Assert.Contains("AWS::CodeCommit::Repository demo already exists", refusal.Message);
        Assert.Contains("--repository-name", refusal.Message);
        Assert.Equal(ResourceAction.Kept, Assert.Single(result.Resources).Action);
    }

    [Fact]
    public async Task Using_an_existing_repository_that_is_not_there_stops_before_anything_is_made()
    {
        var drivers = new RecordingDrivers();
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(s => s with { ExistingRepository = true }), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.Contains("does not exist", Assert.IsType<ProvisioningException>(result.Failure).Message);
        Assert.DoesNotContain(drivers.Calls, c => !c.StartsWith("read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_foreign_resource_anywhere_in_the_stack_stops_the_run_before_the_first_write()
    {
        var drivers = new RecordingDrivers { ForeignName = "demo-events-role" };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.All, new ApplyOptions(), CancellationToken.None);

        var refusal = Assert.IsType<ProvisioningException>(result.Failure);
        Assert.StartsWith("AWS::IAM::Role demo-events-role already exists and was not created by pipectl for stack demo", refusal.Message);
        Assert.Contains("--events-role-name", refusal.Message);
        Assert.Equal(10, drivers.Calls.Count(c => c.StartsWith("read", StringComparison.Ordinal)));
        Assert.Equal(drivers.Calls.Count, drivers.Calls.Count(c => c.StartsWith("read", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Resources_are_reported_in_the_graphs_order_whatever_order_they_finish_in()
    {
        var reported = new List<string>();
        var progress = new RecordingProgress(reported);
        var stack = Stack();
        var result = await new StackOrchestrator(new RecordingDrivers(), progress).ApplyAsync(stack, StackParts.All, new ApplyOptions(), CancellationToken.None);

        var expected = StackGraph.InApplyOrder(stack.Entries.Where(e => e.Wanted)).Select(e => e.Name).ToList();
        Assert.Equal(expected, result.Resources.Select(r => r.Name));
        Assert.Equal(expected, reported);
        Assert.Equal(["demo", "demo-artifacts-123456789012-us-east-1", "demo-codebuild-role", "demo-codepipeline-role"], expected.Take(4));
        Assert.Equal("demo-pipeline", expected[^1]);
    }

    [Fact]
    public async Task A_repository_pipectl_made_carries_the_stack_tags_and_is_not_called_adopted()
    {
        Assert.Equal(StackOwnership.TagsFor("demo", "us-east-1"), Stack().Repository.Tags);
        Assert.DoesNotContain("pipectl:", Stack().Repository.Description, StringComparison.Ordinal);
        var drivers = new RecordingDrivers { Existing = true };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Repository, new ApplyOptions(), CancellationToken.None);

        Assert.Null(result.Resources[0].Note);
    }

    [Fact]
    public async Task An_existing_role_that_is_not_the_stacks_own_is_refused_and_left_alone()
    {
        var drivers = new RecordingDrivers { Existing = true, Untagged = true };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Build, new ApplyOptions(), CancellationToken.None);

        var refusal = Assert.IsType<ProvisioningException>(result.Failure);
        Assert.Contains("demo-codebuild-role", refusal.Message);
        Assert.DoesNotContain(drivers.Calls, c => c.StartsWith("create", StringComparison.Ordinal) || c.StartsWith("update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Environments_run_as_one_graph_with_the_shared_repository_once_and_their_outputs_scoped()
    {
        var staging = StackSpec.FromStackName("demo-staging", "us-east-1", TestStacks.Account) with { StackName = "demo", RepositoryName = "demo", Branch = "develop" };
        var production = StackSpec.FromStackName("demo-production", "us-east-1", TestStacks.Account) with { StackName = "demo", RepositoryName = "demo" };
        var graph = StackGraph.For([new EnvironmentStackSpec("staging", staging), new EnvironmentStackSpec("production", production)]);
        var drivers = new RecordingDrivers();

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(graph, StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(19, result.Resources.Count);
        Assert.Single(drivers.Calls, c => c == "create demo");
        Assert.Equal("demo-staging-pipeline", result.Outputs["staging.pipelineName"]);
        Assert.Equal("demo-production-artifacts-123456789012-us-east-1", result.Outputs["production.artifactBucket"]);
        Assert.StartsWith("https://clone/demo", result.Outputs[StackOutputs.CloneUrlHttp]);
        Assert.Equal(StackGraph.InApplyOrder(graph.Entries.Where(e => e.Wanted)).Select(e => e.Name), result.Resources.Select(r => r.Name));
    }

    [Fact]
    public async Task An_untagged_empty_bucket_is_refused_never_taken_over()
    {
        // CreateBucket carries the stack's tags, so no create leaves an untagged bucket behind: one is someone else's.
        var drivers = new RecordingDrivers { Existing = true, Untagged = true };
        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(Stack(), StackParts.Buckets, new ApplyOptions(), CancellationToken.None);

        Assert.IsType<ProvisioningException>(result.Failure);
        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.Kept, r.Action));
        Assert.DoesNotContain(drivers.Calls, c => !c.StartsWith("read", StringComparison.Ordinal));
    }

    /// <summary>Progress that records the order resources are reported in.</summary>
    private sealed class RecordingProgress(List<string> settled) : IStackProgress
    {
        public void Started(string type, string name)
        {
        }

        public void Settled(ResourceOutcome outcome) => settled.Add(outcome.Name);

        public void Waiting(string message)
        {
        }
    }

    /// <summary>Drivers that record calls and create whatever they are asked to.</summary>
    internal sealed class RecordingDrivers : IStackDrivers, IRepositorySeeder
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<string> Finished { get; } = new();

        /// <summary>The desired state of every create, in the order they were sent.</summary>
        public ConcurrentQueue<object> Created { get; } = new();

        public string? FailOn { get; init; }

        public bool Existing { get; init; }

        public bool BranchExists { get; init; }

        public string? RepositoryDescription { get; init; }

        /// <summary>Existing resources carry no tags (somebody else's, or an interrupted bucket create).</summary>
        public bool Untagged { get; init; }

        /// <summary>The one resource that exists, untagged: somebody else's under one of the stack's names.</summary>
        public string? ForeignName { get; init; }

        /// <summary>The ARN CodeConnections answers for a connection (a hostile or broken reply), instead of a good one.</summary>
        public string? ConnectionArnAnswer { get; init; }

        /// <summary>The ARN and URI ECR answers for a repository (a hostile or broken reply), instead of good ones.</summary>
        public (string Arn, string Uri)? EcrAnswer { get; init; }

        public IResourceDriver<RepositorySpec, RepositoryState> Repositories => Make<RepositorySpec, RepositoryState>(ResourceTypes.Repository, s => new RepositoryState(s.Name, "arn:" + s.Name, RepositoryDescription ?? s.Description, "https://clone/" + s.Name, null, Untagged || ForeignName == s.Name ? new Dictionary<string, string>() : s.Tags));

        public IResourceDriver<BucketSpec, BucketState> Buckets => Make<BucketSpec, BucketState>(ResourceTypes.Bucket, s => new BucketState(s.Name, "arn:" + s.Name, s.Versioning, s.DefaultEncryption, s.PublicAccessBlock, s.Policy, s.Website, Untagged || ForeignName == s.Name ? new Dictionary<string, string>() : s.Tags));

        public IResourceDriver<RoleSpec, RoleState> Roles => Make<RoleSpec, RoleState>(ResourceTypes.Role, s => new RoleState(s.Name, "arn:" + s.Name, s.TrustPolicy, s.InlinePolicies, Untagged || ForeignName == s.Name ? new Dictionary<string, string>() : s.Tags));

        public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects => Make<BuildProjectSpec, BuildProjectState>(ResourceTypes.BuildProject, s => new BuildProjectState(s.Name, "arn:" + s.Name, s.SourceType, s.SourceLocation, s.Buildspec, s.Image, s.ComputeType, s.ServiceRoleArn, s.LogGroupName, s.Tags));

        public IResourceDriver<TopicSpec, TopicState> Topics => Make<TopicSpec, TopicState>(ResourceTypes.Topic, s => new TopicState(s.Name, "arn:" + s.Name, [s.Email], s.Tags));

        public IResourceDriver<PipelineSpec, PipelineState> Pipelines => Make<PipelineSpec, PipelineState>(ResourceTypes.Pipeline, s => new PipelineState("arn:" + s.Name, s.Declaration, s.Tags));

        public IResourceDriver<RuleSpec, RuleState> Rules => Make<RuleSpec, RuleState>(ResourceTypes.Rule, s => new RuleState(s.Name, "arn:" + s.Name, s.EventPattern, true, [s.Target], s.Tags));

        public IResourceDriver<ConnectionSpec, ConnectionState> Connections => Make<ConnectionSpec, ConnectionState>(ResourceTypes.Connection, s => new ConnectionState(s.Name, ConnectionArnAnswer ?? s.Arn ?? "arn:aws:codeconnections:us-east-1:123456789012:connection/made-by-aws", s.ProviderType, "PENDING", Untagged || ForeignName == s.Name ? new Dictionary<string, string>() : s.Tags));

        public IResourceDriver<DistributionSpec, DistributionState> Distributions => Make<DistributionSpec, DistributionState>(ResourceTypes.Distribution, s => new DistributionState("E1", "arn:aws:cloudfront::123456789012:distribution/E1", "d1.cloudfront.net", DistributionState.DeployedStatus, true, s.OriginDomain, s.Name, DistributionSpec.ViewerProtocolPolicy, DistributionSpec.DefaultRootObject, DistributionSpec.CachingOptimizedPolicyId, DistributionSpec.ErrorResponses, s.Tags) { ViewerRequestFunction = s.FunctionName, ViewerRequestFunctionCode = DistributionSpec.IndexFunctionCode });

        public IResourceDriver<EcrRepositorySpec, EcrRepositoryState> EcrRepositories => Make<EcrRepositorySpec, EcrRepositoryState>(ResourceTypes.EcrRepository, s => new EcrRepositoryState(s.Name, EcrAnswer?.Arn ?? $"arn:aws:ecr:us-east-1:123456789012:repository/{s.Name}", EcrAnswer?.Uri ?? $"123456789012.dkr.ecr.us-east-1.amazonaws.com/{s.Name}", s.ScanOnPush, s.LifecyclePolicy, Untagged || ForeignName == s.Name ? new Dictionary<string, string>() : s.Tags));

        public IResourceDriver<EcsServiceSpec, EcsServiceState> EcsServices => new EmptyAccountDrivers().EcsServices;
        public IResourceDriver<ReportGroupSpec, ReportGroupState> ReportGroups => Make<ReportGroupSpec, ReportGroupState>(ResourceTypes.ReportGroup, s => new ReportGroupState(s.Name, s.Arn, s.Type, ReportGroupSpec.NoExport, Untagged || ForeignName == s.Name ? new Dictionary<string, string>() : s.Tags));

        /// <summary>What each create and update was asked for, keyed "TYPE NAME"; a created resource reads back as existing.</summary>
        public ConcurrentDictionary<string, object> Desired { get; } = new();

        public IRepositorySeeder Seeder => this;

        public Task<bool> BranchExistsAsync(string repositoryName, string branch, CancellationToken cancellationToken) => Task.FromResult(BranchExists);

        public Task<string> SeedAsync(string repositoryName, string branch, IReadOnlyList<SeedFile> files, CancellationToken cancellationToken)
        {
            Calls.Enqueue($"seed {repositoryName} {branch} {files.Count}");
            return Task.FromResult("c0ffee");
        }

        private Driver<TSpec, TState> Make<TSpec, TState>(string type, Func<TSpec, TState> build)
            where TSpec : IDesiredState<TState>
            where TState : class => new(this, type, build);

        private sealed class Driver<TSpec, TState>(RecordingDrivers owner, string type, Func<TSpec, TState> build) : IResourceDriver<TSpec, TState>
            where TSpec : IDesiredState<TState>
            where TState : class
        {
            public string Type => type;

            public string? ArnOf(TState state) => "arn";

            public Task<TState?> ReadAsync(TSpec desired, CancellationToken cancellationToken)
            {
                owner.Calls.Enqueue($"read {desired.Name}");
                // A resource this run created or updated reads back as it was last written.
                if (owner.Desired.TryGetValue($"{type} {desired.Name}", out var written))
                {
                    return Task.FromResult<TState?>(build((TSpec)written));
                }

                return Task.FromResult(owner.Existing || owner.ForeignName == desired.Name ? build(desired) : null);
            }

            public async Task<TState> CreateAsync(TSpec desired, CancellationToken cancellationToken)
            {
                owner.Calls.Enqueue($"create {desired.Name}");
                owner.Created.Enqueue(desired);

                owner.Desired[$"{type} {desired.Name}"] = desired;
                await Task.Delay(desired.Name.Length % 7, cancellationToken);
                if (owner.FailOn == desired.Name)
                {
                    throw new InvalidOperationException($"boom {desired.Name}");
                }

                owner.Finished.Enqueue(desired.Name);
                return build(desired);
            }

            public Task<TState> UpdateAsync(TSpec desired, TState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
            {
                owner.Calls.Enqueue($"update {desired.Name}");
                owner.Desired[$"{type} {desired.Name}"] = desired;
                return Task.FromResult(build(desired));
            }

            public Task DeleteAsync(TState actual, CancellationToken cancellationToken)
            {
                owner.Calls.Enqueue("delete");
                return Task.CompletedTask;
            }
        }
    }
}
