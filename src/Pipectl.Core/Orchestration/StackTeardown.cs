using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Removes what pipectl created for a stack, in reverse dependency order: the rule (targets first), the
/// pipeline, the build project and the approval topic, the roles (inline policies first), the buckets
/// (every version and delete marker first) and the repository. A resource is deleted only when it is the
/// stack's own (<see cref="StackOwnership"/>); anything else of the same name is kept and reported as kept.
/// Missing resources are "not-found", so a second teardown changes nothing and an interrupted one is
/// finished by the next.
/// </summary>
public sealed class StackTeardown(IStackDrivers drivers, IStackProgress progress)
{
    public const string NotOwnedNote = "not made by pipectl for this stack: left alone";

    private static readonly HashSet<string> SharedSteps = ["repository", "artifact-bucket", "build-project", "build-role"];

    public Task<StackRunResult> RemoveAsync(DesiredStack stack, TeardownOptions options, CancellationToken cancellationToken)
    {
        var topic = stack.ApprovalTopic ?? new TopicSpec(stack.Spec.ApprovalTopicName, string.Empty, stack.Repository.Tags);
        string? keepBuckets = options.KeepBuckets ? "kept by --keep-buckets" : null;
        string? keepRepository = options.KeepRepository ? "kept by --keep-repo" : null;
        var spec = stack.Spec;
        var steps = new List<GraphStep>
        {
            Step(spec, "rule", [], drivers.Rules, stack.Rule, options, null),
            Step(spec, "pipeline", ["rule"], drivers.Pipelines, stack.Pipeline, options, null),
            Step(spec, "build-project", ["pipeline"], drivers.BuildProjects, stack.BuildProject, options, null),
            Step(spec, "approval-topic", ["pipeline"], drivers.Topics, topic, options, null),
            Step(spec, "events-role", ["rule"], drivers.Roles, stack.EventsRole, options, null),
            Step(spec, "deploy-role", ["pipeline"], drivers.Roles, stack.DeployRole, options, null),
            Step(spec, "pipeline-role", ["pipeline", "deploy-role"], drivers.Roles, stack.PipelineRole, options, null),
            Step(spec, "build-role", ["build-project"], drivers.Roles, stack.BuildRole, options, null),
            Step(spec, "artifact-bucket", ["pipeline", "build-project"], drivers.Buckets, stack.ArtifactBucket, options, keepBuckets),
            Step(spec, "site-bucket", ["pipeline"], drivers.Buckets, stack.SiteBucket, options, keepBuckets),
            Step(spec, "repository", ["rule", "pipeline", "build-project"], drivers.Repositories, stack.Repository, options, keepRepository),
        };
        if (options.SkipShared)
        {
            steps.RemoveAll(step => SharedSteps.Contains(step.Key));
        }

        return StepGraph.RunAsync(steps, cancellationToken);
    }

    private GraphStep Step<TSpec, TState>(Pipectl.Core.Stacks.StackSpec stack, string key, string[] dependsOn, IResourceDriver<TSpec, TState> driver, TSpec desired, TeardownOptions options, string? keepReason)
        where TSpec : IDesiredState<TState>
        where TState : class =>
        new(key, dependsOn, async cancellationToken =>
        {
            progress.Started(driver.Type, desired.Name);
            var outcome = await RemoveOneAsync(stack, driver, desired, options, keepReason, cancellationToken).ConfigureAwait(false);
            progress.Settled(outcome);
            return new StepResult([outcome], new Dictionary<string, string>());
        });

    private static async Task<ResourceOutcome> RemoveOneAsync<TSpec, TState>(Pipectl.Core.Stacks.StackSpec stack, IResourceDriver<TSpec, TState> driver, TSpec desired, TeardownOptions options, string? keepReason, CancellationToken cancellationToken)
        where TSpec : IDesiredState<TState>
        where TState : class
    {
        var actual = await driver.ReadAsync(desired, cancellationToken).ConfigureAwait(false);
        if (actual is null)
        {
            return new ResourceOutcome(driver.Type, desired.Name, null, ResourceAction.NotFound);
        }

        var arn = driver.ArnOf(actual);
        if (!StackOwnership.IsOwnedBy(actual, stack.StackName, stack.Region))
        {
            return new ResourceOutcome(driver.Type, desired.Name, arn, ResourceAction.Kept) { Note = NotOwnedNote };
        }

        if (keepReason is not null)
        {
            return new ResourceOutcome(driver.Type, desired.Name, arn, ResourceAction.Kept) { Note = keepReason };
        }

        if (options.DryRun)
        {
            return new ResourceOutcome(driver.Type, desired.Name, arn, ResourceAction.WouldDelete);
        }

        await driver.DeleteAsync(actual, cancellationToken).ConfigureAwait(false);
        return new ResourceOutcome(driver.Type, desired.Name, arn, ResourceAction.Deleted);
    }
}
