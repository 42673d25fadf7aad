using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Converges the parts of a stack a verb asks for, in dependency order, running independent resources
/// concurrently: the repository, both buckets and the roles first; the project after its role; the
/// pipeline after its roles, topic, project, bucket and repository; the rule after the pipeline. When a
/// resource fails, what depends on it is not started, the rest finishes, and the failure is returned with
/// everything handled so far, so a re-run finishes the stack and a teardown removes it.
/// </summary>
public sealed class StackOrchestrator(IStackDrivers drivers, IStackProgress progress)
{
    public const string OfflineNote = "no credentials: planned for an empty account";
    public const string AdoptedNote = "adopted: it existed before pipectl and is never deleted by teardown";

    public Task<StackRunResult> ApplyAsync(DesiredStack stack, StackParts parts, ApplyOptions options, CancellationToken cancellationToken) =>
        StepGraph.RunAsync(Plan(stack, parts, options, new ReadAhead(drivers, cancellationToken)), cancellationToken);

    private List<GraphStep> Plan(DesiredStack stack, StackParts parts, ApplyOptions options, ReadAhead drivers)
    {
        var spec = stack.Spec;
        var steps = new List<GraphStep>();
        if (parts.HasFlag(StackParts.Repository))
        {
            steps.Add(new GraphStep("repository", [], ct => RepositoryAsync(stack, options, drivers, ct)));
        }

        if (parts.HasFlag(StackParts.Buckets))
        {
            steps.Add(new GraphStep("artifact-bucket", [], ct => One(spec, drivers.Buckets(stack.ArtifactBucket), stack.ArtifactBucket, options, ct, _ => new() { [StackOutputs.ArtifactBucket] = spec.ArtifactBucketName })));
            steps.Add(new GraphStep("site-bucket", [], ct => One(spec, drivers.Buckets(stack.SiteBucket), stack.SiteBucket, options, ct, _ => new()
            {
                [StackOutputs.SiteBucket] = spec.SiteBucketName,
                [StackOutputs.WebsiteUrl] = StackEndpoints.WebsiteUrl(spec.Region, spec.SiteBucketName),
            })));
        }

        if (parts.HasFlag(StackParts.Build))
        {
            steps.Add(new GraphStep("build-role", [], ct => One(spec, drivers.Roles(stack.BuildRole), stack.BuildRole, options, ct)));
            steps.Add(new GraphStep("build-project", ["build-role", "repository"], ct => One(spec, drivers.BuildProjects(stack.BuildProject), stack.BuildProject, options, ct, _ => new() { [StackOutputs.BuildProject] = spec.BuildProjectName })));
        }

        if (parts.HasFlag(StackParts.Pipeline))
        {
            steps.Add(new GraphStep("pipeline-role", [], ct => One(spec, drivers.Roles(stack.PipelineRole), stack.PipelineRole, options, ct)));
            // The deploy role trusts the pipeline role by ARN, and IAM refuses a trust policy naming a role that does not exist yet.
            steps.Add(new GraphStep("deploy-role", ["pipeline-role"], ct => One(spec, drivers.Roles(stack.DeployRole), stack.DeployRole, options, ct)));
            if (stack.ApprovalTopic is { } topic)
            {
                steps.Add(new GraphStep("approval-topic", [], ct => One(spec, drivers.Topics(topic), topic, options, ct, state => state is null ? [] : new() { [StackOutputs.ApprovalTopicArn] = state.Arn })));
            }

            steps.Add(new GraphStep(
                "pipeline",
                ["pipeline-role", "deploy-role", "approval-topic", "build-project", "artifact-bucket", "site-bucket", "repository"],
                ct => One(spec, drivers.Pipelines(stack.Pipeline), stack.Pipeline, options, ct, _ => new()
                {
                    [StackOutputs.PipelineName] = spec.PipelineName,
                    [StackOutputs.PipelineConsoleUrl] = StackEndpoints.PipelineConsoleUrl(spec.Region, spec.PipelineName),
                })));
        }

        if (parts.HasFlag(StackParts.Trigger))
        {
            steps.Add(new GraphStep("events-role", [], ct => One(spec, drivers.Roles(stack.EventsRole), stack.EventsRole, options, ct)));
            steps.Add(new GraphStep("rule", ["events-role", "pipeline"], ct => One(spec, drivers.Rules(stack.Rule), stack.Rule, options, ct, _ => new() { [StackOutputs.RuleName] = spec.RuleName })));
        }

        return steps;
    }

    private async Task<StepResult> One<TSpec, TState>(
        Pipectl.Core.Stacks.StackSpec stack,
        IResourceDriver<TSpec, TState> driver, TSpec desired, ApplyOptions options, CancellationToken cancellationToken, Func<TState?, Dictionary<string, string>>? outputs = null)
        where TSpec : IDesiredState<TState>
        where TState : class
    {
        progress.Started(driver.Type, desired.Name);
        var (outcome, state) = await Converger.ConvergeAsync(driver, desired, options.DryRun, cancellationToken, existing => RefuseForeign(stack.StackName, stack.Region, driver.Type, desired.Name, existing)).ConfigureAwait(false);
        progress.Settled(outcome);
        return new StepResult([outcome], outputs?.Invoke(state) ?? []);
    }

    /// <summary>
    /// A resource of the same name that is not the stack's own is never modified (so teardown can never
    /// delete it later): the run stops at it with a line saying what to do.
    /// </summary>
    private static void RefuseForeign<TState>(string stackName, string region, string type, string name, TState existing)
        where TState : class
    {
        // A repository is adopted as it is (never rewritten, never deleted unless it is the stack's own).
        if (existing is not RepositoryState && !StackOwnership.IsOwnedBy(existing, stackName, region))
        {
            if (StackOwnership.OtherRegionOf(existing, stackName, region) is { } other)
            {
                throw new ProvisioningException($"{type} {name} belongs to stack {stackName} in {other}: pipectl never changes what serves another region. Give this stack other names in {region} (see --help for the name options), or use another stack name.");
            }

            throw new ProvisioningException($"{type} {name} already exists and was not created by pipectl for stack {stackName}: pipectl leaves it alone. Give this resource another name (see --help for the name options) or remove it yourself.");
        }
    }

    private async Task<StepResult> RepositoryAsync(DesiredStack stack, ApplyOptions options, ReadAhead readAhead, CancellationToken cancellationToken)
    {
        var spec = stack.Spec;
        var driver = readAhead.Repositories(stack.Repository);
        progress.Started(driver.Type, stack.Repository.Name);
        var (outcome, state) = await Converger.ConvergeAsync(driver, stack.Repository, options.DryRun, cancellationToken).ConfigureAwait(false);
        if (state is not null && outcome.Action != ResourceAction.Created && !StackOwnership.IsOwnedBy(state, spec.StackName, spec.Region))
        {
            outcome = outcome with { Note = AdoptedNote };
        }

        if (options.SeedFiles is { } files)
        {
            outcome = await SeedAsync(outcome, stack, files, options, cancellationToken).ConfigureAwait(false);
        }

        progress.Settled(outcome);
        var outputs = new Dictionary<string, string>
        {
            [StackOutputs.CloneUrlHttp] = state?.CloneUrlHttp ?? StackEndpoints.CloneUrlHttp(spec.Region, spec.RepositoryName),
            [StackOutputs.CloneUrlSsh] = state?.CloneUrlSsh ?? StackEndpoints.CloneUrlSsh(spec.Region, spec.RepositoryName),
        };
        return new StepResult([outcome], outputs);
    }

    private async Task<ResourceOutcome> SeedAsync(ResourceOutcome outcome, DesiredStack stack, IReadOnlyList<SeedFile> files, ApplyOptions options, CancellationToken cancellationToken)
    {
        var branch = stack.Spec.Branch;
        var repository = stack.Repository.Name;
        var branchExists = outcome.Action is not (ResourceAction.WouldCreate or ResourceAction.Created)
            && await drivers.Seeder.BranchExistsAsync(repository, branch, cancellationToken).ConfigureAwait(false);
        if (branchExists)
        {
            return outcome with { Note = $"branch {branch} already exists: not seeded (pipectl never rewrites a branch)" };
        }

        var change = $"first commit on {branch}: {files.Count} files";
        if (options.DryRun)
        {
            var action = outcome.Action == ResourceAction.Unchanged ? ResourceAction.WouldUpdate : outcome.Action;
            return outcome with { Action = action, Changes = [.. outcome.Changes, change] };
        }

        var commit = await drivers.Seeder.SeedAsync(repository, branch, files, cancellationToken).ConfigureAwait(false);
        var seeded = outcome.Action == ResourceAction.Unchanged ? ResourceAction.Updated : outcome.Action;
        return outcome with { Action = seeded, Changes = [.. outcome.Changes, change], Note = $"commit {commit}" };
    }
    /// <summary>
    /// Starts the read of every resource of the plan at once, when the plan is made, so that a run never
    /// waits for a dependency before it reads: a re-run that changes nothing sends all its reads in
    /// parallel, and a fresh run knows what is missing before its first create. A resource's own state does
    /// not change when its dependencies are created, so the early read is as good as a late one. Each
    /// driver hands out its early read once (to the converger); every later read goes to the real driver.
    /// </summary>
    private sealed class ReadAhead(IStackDrivers drivers, CancellationToken cancellationToken)
    {
        public IResourceDriver<RepositorySpec, RepositoryState> Repositories(RepositorySpec desired) => Start(drivers.Repositories, desired);

        public IResourceDriver<BucketSpec, BucketState> Buckets(BucketSpec desired) => Start(drivers.Buckets, desired);

        public IResourceDriver<RoleSpec, RoleState> Roles(RoleSpec desired) => Start(drivers.Roles, desired);

        public IResourceDriver<BuildProjectSpec, BuildProjectState> BuildProjects(BuildProjectSpec desired) => Start(drivers.BuildProjects, desired);

        public IResourceDriver<TopicSpec, TopicState> Topics(TopicSpec desired) => Start(drivers.Topics, desired);

        public IResourceDriver<PipelineSpec, PipelineState> Pipelines(PipelineSpec desired) => Start(drivers.Pipelines, desired);

        public IResourceDriver<RuleSpec, RuleState> Rules(RuleSpec desired) => Start(drivers.Rules, desired);

        private IResourceDriver<TSpec, TState> Start<TSpec, TState>(IResourceDriver<TSpec, TState> driver, TSpec desired)
            where TSpec : IDesiredState<TState>
            where TState : class
        {
            var read = driver.ReadAsync(desired, cancellationToken);

            // A step whose dependency failed never collects its read: observe a failure here so it is not "unobserved".
            _ = read.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new ReadOnceDriver<TSpec, TState>(driver, desired, read);
        }
    }

    /// <summary>A driver whose first read of its resource is the one already started.</summary>
    private sealed class ReadOnceDriver<TSpec, TState>(IResourceDriver<TSpec, TState> inner, TSpec started, Task<TState?> read) : IResourceDriver<TSpec, TState>
        where TSpec : IDesiredState<TState>
        where TState : class
    {
        private int _taken;

        public string Type => inner.Type;

        public string? ArnOf(TState state) => inner.ArnOf(state);

        public Task<TState?> ReadAsync(TSpec desired, CancellationToken cancellationToken) =>
            ReferenceEquals(desired, started) && Interlocked.Exchange(ref _taken, 1) == 0 ? read : inner.ReadAsync(desired, cancellationToken);

        public Task<TState> CreateAsync(TSpec desired, CancellationToken cancellationToken) => inner.CreateAsync(desired, cancellationToken);

        public Task<TState> UpdateAsync(TSpec desired, TState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken) =>
            inner.UpdateAsync(desired, actual, changes, cancellationToken);

        public Task DeleteAsync(TState actual, CancellationToken cancellationToken) => inner.DeleteAsync(actual, cancellationToken);
    }
}
