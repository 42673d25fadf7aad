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
/// teardown changes nothing and an interrupted one is finished by the next. A last write that may overlap the
/// deletions (<see cref="TeardownOptions.Finale"/>: the stack record's delete) starts once what is left may outlive it.
/// </summary>
public sealed class StackTeardown(IStackDrivers drivers, IStackProgress progress)
{
    public const string NotOwnedNote = "not made by pipectl for this stack: left alone";
    public const string CloudFormationNote = "managed by the CloudFormation stack";

    /// <summary>Why a resource that is not this stack's own in this region is kept: the stack's own in another region says where.</summary>
    public static string NotOwnedNoteOf(object state, string stackName, string region) =>
        StackOwnership.OtherRegionOf(state, stackName, region) is { } other ? $"belongs to stack {stackName} in {other}: left alone" : NotOwnedNote;

    public Task<StackRunResult> RemoveAsync(DesiredStack stack, TeardownOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return RemoveAsync(StackGraph.For(stack.Spec), options, cancellationToken);
    }

    public async Task<StackRunResult> RemoveAsync(StackGraph graph, TeardownOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var entries = EntriesOf(graph, options);
        var resources = entries.ToDictionary(e => e.Key, e => options.EarlyReads.Bind(e, drivers, EarlyReads.Purpose.Teardown), StringComparer.Ordinal);
        try
        {
            // One wave of reads, of only what teardown needs (IResourceDriver.ReadToDeleteAsync).
            await Task.WhenAll(resources.Values.Select(r => r.ReadToDeleteAsync(cancellationToken))).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new StackRunResult([], new Dictionary<string, string>(), e);
        }

        // A stack CloudFormation manages is CloudFormation's to delete: deleting part of it would leave that stack broken.
        var managed = resources.Values.Where(r => r.CloudFormationStack is not null).ToList();
        if (managed.Count > 0)
        {
            var outcomes = managed.Select(r => r.Refused(graph.StackName, graph.Region)).ToList();
            outcomes.ForEach(progress.Settled);
            var stacks = string.Join(", ", managed.Select(r => r.CloudFormationStack).Distinct(StringComparer.Ordinal));
            return new StackRunResult(outcomes, new Dictionary<string, string>(), new ProvisioningException(
                $"The stack's resources are managed by the CloudFormation stack {stacks} ({string.Join(", ", outcomes.Select(o => $"{o.Type} {o.Name}"))}): teardown deletes nothing. Delete it through CloudFormation: aws cloudformation delete-stack --stack-name {managed[0].CloudFormationStack}")
            {
                RerunHelps = false,
            });
        }

        var deletedBefore = StackGraph.DeletedBeforeWithin(entries);
        var finale = new FinaleStart(options.DryRun ? null : options.Finale, entries, cancellationToken);
        var steps = entries.Select(entry =>
        {
            var resource = resources[entry.Key];
            return new GraphStep(entry.Key, deletedBefore[entry.Key], async ct =>
            {
                progress.Started(resource.Type, entry.Name);
                var outcome = await resource.RemoveAsync(graph.StackName, graph.Region, resource.KeptBy(options) ?? KeepReason(resource.Type, options), options.DryRun, ct).ConfigureAwait(false);
                progress.Finished(resource.Type, entry.Name);
                finale.Removed(entry.Key);
                return new StepResult([outcome], new Dictionary<string, string>());
            });
        }).ToList();
        finale.Removed(null);
        var result = await StepGraph.RunAsync(steps, progress.Settled, cancellationToken).ConfigureAwait(false);
        return await finale.AfterAsync(result).ConfigureAwait(false);
    }

    /// <summary>The entries a teardown with <paramref name="options"/> walks, in teardown order.</summary>
    internal static IReadOnlyList<ResourceEntry> EntriesOf(StackGraph graph, TeardownOptions options) =>
        StackGraph.InTeardownOrder(graph.Entries.Where(e => !(options.SkipShared && e.Shared)));

    private static string? KeepReason(string type, TeardownOptions options) => ResourceKinds.OfType(type)?.KeepReason(options);

    /// <summary>Starts a <see cref="TeardownFinale"/> as soon as what is left may outlive it, once, and joins its failure to the result.</summary>
    private sealed class FinaleStart(TeardownFinale? finale, IReadOnlyList<ResourceEntry> entries, CancellationToken cancellationToken)
    {
        private readonly HashSet<string> _left = [.. entries.Select(e => e.Key)];
        private readonly Lock _gate = new();
        private Task? _running;

        /// <summary>Entry <paramref name="key"/> is gone (kept, or not found); null: before the first deletion.</summary>
        public void Removed(string? key)
        {
            if (finale is null)
            {
                return;
            }

            lock (_gate)
            {
                if (key is not null)
                {
                    _left.Remove(key);
                }

                if (_running is not null || !entries.Where(e => _left.Contains(e.Key)).All(finale.MayOutlive))
                {
                    return;
                }

                _running = Task.Run(() => finale.RunAsync(cancellationToken), CancellationToken.None);
            }
        }

        public async Task<StackRunResult> AfterAsync(StackRunResult result)
        {
            Task? running;
            lock (_gate)
            {
                running = _running;
            }

            if (running is null)
            {
                return result;
            }

            try
            {
                await running.ConfigureAwait(false);
                return result;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return result with { Failure = result.Failure ?? e };
            }
        }
    }
}
