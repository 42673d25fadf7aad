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
        StepGraph.RunAsync(Plan(stack, parts, options), cancellationToken);

    private List<GraphStep> Plan(DesiredStack stack, StackParts parts, ApplyOptions options)
    {
        var spec = stack.Spec;
        var steps = new List<GraphStep>();
        if (parts.HasFlag(StackParts.Repository))
        {
            steps.Add(new GraphStep("repository", [], ct => RepositoryAsync(stack, options, ct)));
        }

        if (parts.HasFlag(StackParts.Buckets))
        {
            steps.Add(new GraphStep("artifact-bucket", [], ct => One(spec.StackName, drivers.Buckets, stack.ArtifactBucket, options, ct, _ => new() { [StackOutputs.ArtifactBucket] = spec.ArtifactBucketName })));
            steps.Add(new GraphStep("site-bucket", [], ct => One(spec.StackName, drivers.Buckets, stack.SiteBucket, options, ct, _ => new()
            {
                [StackOutputs.SiteBucket] = spec.SiteBucketName,
                [StackOutputs.WebsiteUrl] = StackEndpoints.WebsiteUrl(spec.Region, spec.SiteBucketName),
            })));
        }

        if (parts.HasFlag(StackParts.Build))
        {
            steps.Add(new GraphStep("build-role", [], ct => One(spec.StackName, drivers.Roles, stack.BuildRole, options, ct)));
            steps.Add(new GraphStep("build-project", ["build-role", "repository"], ct => One(spec.StackName, drivers.BuildProjects, stack.BuildProject, options, ct, _ => new() { [StackOutputs.BuildProject] = spec.BuildProjectName })));
        }

        if (parts.HasFlag(StackParts.Pipeline))
        {
            steps.Add(new GraphStep("pipeline-role", [], ct => One(spec.StackName, drivers.Roles, stack.PipelineRole, options, ct)));
            // The deploy role trusts the pipeline role by ARN, and IAM refuses a trust policy naming a role that does not exist yet.
            steps.Add(new GraphStep("deploy-role", ["pipeline-role"], ct => One(spec.StackName, drivers.Roles, stack.DeployRole, options, ct)));
            if (stack.ApprovalTopic is { } topic)
            {
                steps.Add(new GraphStep("approval-topic", [], ct => One(spec.StackName, drivers.Topics, topic, options, ct, state => state is null ? [] : new() { [StackOutputs.ApprovalTopicArn] = state.Arn })));
            }

            steps.Add(new GraphStep(
                "pipeline",
                ["pipeline-role", "deploy-role", "approval-topic", "build-project", "artifact-bucket", "site-bucket", "repository"],
                ct => One(spec.StackName, drivers.Pipelines, stack.Pipeline, options, ct, _ => new()
                {
                    [StackOutputs.PipelineName] = spec.PipelineName,
                    [StackOutputs.PipelineConsoleUrl] = StackEndpoints.PipelineConsoleUrl(spec.Region, spec.PipelineName),
                })));
        }

        if (parts.HasFlag(StackParts.Trigger))
        {
            steps.Add(new GraphStep("events-role", [], ct => One(spec.StackName, drivers.Roles, stack.EventsRole, options, ct)));
            steps.Add(new GraphStep("rule", ["events-role", "pipeline"], ct => One(spec.StackName, drivers.Rules, stack.Rule, options, ct, _ => new() { [StackOutputs.RuleName] = spec.RuleName })));
        }

        return steps;
    }

    private async Task<StepResult> One<TSpec, TState>(
        string stackName,
        IResourceDriver<TSpec, TState> driver, TSpec desired, ApplyOptions options, CancellationToken cancellationToken, Func<TState?, Dictionary<string, string>>? outputs = null)
        where TSpec : IDesiredState<TState>
        where TState : class
    {
        progress.Started(driver.Type, desired.Name);
        var (outcome, state) = await Converger.ConvergeAsync(driver, desired, options.DryRun, cancellationToken, existing => RefuseForeign(stackName, driver.Type, desired.Name, existing)).ConfigureAwait(false);
        progress.Settled(outcome);
        return new StepResult([outcome], outputs?.Invoke(state) ?? []);
    }

    /// <summary>
    /// A resource of the same name that is not the stack's own is never modified (so teardown can never
    /// delete it later): the run stops at it with a line saying what to do.
    /// </summary>
    private static void RefuseForeign<TState>(string stackName, string type, string name, TState existing)
        where TState : class
    {
        if (!StackOwnership.IsOwnedBy(existing, stackName) && !StackOwnership.IsClaimable(existing))
        {
            throw new ProvisioningException($"{type} {name} already exists and was not created by pipectl for stack {stackName}: pipectl leaves it alone. Give this resource another name (see --help for the name options) or remove it yourself.");
        }
    }

    private async Task<StepResult> RepositoryAsync(DesiredStack stack, ApplyOptions options, CancellationToken cancellationToken)
    {
        var spec = stack.Spec;
        var driver = drivers.Repositories;
        progress.Started(driver.Type, stack.Repository.Name);
        var (outcome, state) = await Converger.ConvergeAsync(driver, stack.Repository, options.DryRun, cancellationToken).ConfigureAwait(false);
        if (state is not null && outcome.Action != ResourceAction.Created && !OwnershipMarker.IsMarked(state.Description, spec.StackName))
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
}
