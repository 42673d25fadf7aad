using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Removes what pipectl created for a stack by walking its <see cref="StackGraph"/> reversed: a resource
/// goes only after everything that depends on it (the rule before the pipeline, the pipeline before its
/// roles, buckets and repository; a shared repository after every environment). The drivers delete what
/// only a resource holds first (a rule's targets, a role's inline policies, a bucket's object versions). A
/// resource is deleted only when it is the stack's own (<see cref="StackOwnership.IsOwnedBy(object, string, string)"/>); anything
/// else of the same name is kept and reported as kept. Missing resources are "not-found", so a second
/// teardown changes nothing and an interrupted one is finished by the next.
/// </summary>
public sealed class StackTeardown(IStackDrivers drivers, IStackProgress progress)
{
    public const string NotOwnedNote = "not made by pipectl for this stack: left alone";

    public Task<StackRunResult> RemoveAsync(DesiredStack stack, TeardownOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return RemoveAsync(StackGraph.For(stack.Spec), options, cancellationToken);
    }

    public Task<StackRunResult> RemoveAsync(StackGraph graph, TeardownOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var entries = StackGraph.InTeardownOrder(graph.Entries.Where(e => !(options.SkipShared && e.Shared)));
        var dependents = StackGraph.DependentsWithin(entries);
        var steps = entries.Select(entry =>
        {
            var resource = entry.Bind(drivers);
            return new GraphStep(entry.Key, dependents[entry.Key], async ct =>
            {
                progress.Started(resource.Type, entry.Name);
                var outcome = await resource.RemoveAsync(graph.StackName, graph.Region, KeepReason(resource.Type, options), options.DryRun, ct).ConfigureAwait(false);
                progress.Finished(resource.Type, entry.Name);
                return new StepResult([outcome], new Dictionary<string, string>());
            });
        }).ToList();
        return StepGraph.RunAsync(steps, progress.Settled, cancellationToken);
    }

    private static string? KeepReason(string type, TeardownOptions options) => type switch
    {
        ResourceTypes.Bucket when options.KeepBuckets => "kept by --keep-buckets",
        ResourceTypes.Repository when options.KeepRepository => "kept by --keep-repo",
        ResourceTypes.Connection when options.KeepConnection => "kept by --keep-connection",
        _ => null,
    };
}
