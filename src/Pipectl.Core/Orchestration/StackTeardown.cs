using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Removes what pipectl created for a stack by walking its <see cref="StackGraph"/> reversed: a resource
/// goes only after everything that depends on it (the pipeline before its buckets and repository, the build
/// project before the artifact bucket; a shared repository after every environment), except for what a
/// dependent needed only to be created (<see cref="ResourceEntry.NeededOnlyToCreate"/>: roles, the build project
/// the pipeline names), which goes alongside it. Everything is read up front, at once. The drivers delete what
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
        var deletedBefore = StackGraph.DeletedBeforeWithin(entries);
        var resources = entries.Select(entry => entry.Bind(drivers)).ToList();

        // Every resource is read at once, up front (one wave of reads instead of one per level of the graph);
        // each step awaits its own read, so a failed read stops that resource and what is deleted after it only.
        foreach (var resource in resources)
        {
            _ = resource.ReadToDeleteAsync(cancellationToken);
        }

        var steps = resources.Select(resource => new GraphStep(resource.Entry.Key, deletedBefore[resource.Entry.Key], async ct =>
        {
            progress.Started(resource.Type, resource.Entry.Name);
            var outcome = await resource.RemoveAsync(graph.StackName, graph.Region, KeepReason(resource.Type, options), options.DryRun, ct).ConfigureAwait(false);
            progress.Finished(resource.Type, resource.Entry.Name);
            return new StepResult([outcome], new Dictionary<string, string>());
        })).ToList();
        return StepGraph.RunAsync(steps, progress.Settled, cancellationToken);
    }

    private static string? KeepReason(string type, TeardownOptions options) => type switch
    {
        ResourceTypes.Bucket when options.KeepBuckets => "kept by --keep-buckets",
        ResourceTypes.Repository when options.KeepRepository => "kept by --keep-repo",
        _ => null,
    };
}
