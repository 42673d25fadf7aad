using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Engine;

/// <summary>
/// The stack's record (docs/stack-record.md) in a run: settings an option leaves out are the stack's own, the record is
/// written (old and new settings) before the first write, and what the stack no longer has is shown by the plan,
/// reviewed, and removed after the new parts are in place; then the record holds the new settings alone.
/// </summary>
public sealed partial class StackEngine
{
    /// <summary>
    /// What a run changes in the record and removes: <paramref name="Next"/> is written before the first write;
    /// <paramref name="Removed"/> (null: nothing) is torn down after the apply, except <paramref name="KeptForData"/>.
    /// </summary>
    private sealed record Pruning(StackRecord Next, StackGraph? Removed, IReadOnlyList<ResourceOutcome> Plan, IReadOnlyList<ResourceOutcome> KeptForData)
    {
        public IReadOnlyList<ResourceOutcome> Doomed => [.. Plan.Where(o => o.Action == ResourceAction.WouldDelete && !KeptForData.Any(k => k.Type == o.Type && k.Name == o.Name))];
    }

    /// <summary>The remembered settings a run from options alone starts from, or null (a stack file, a teardown, no record).</summary>
    private RecordedSpec? Remembered() =>
        Teardown is null && request.File is null && _record?.Environments.TryGetValue(StackRecord.SingleStack, out var settings) == true ? settings : null;

    /// <summary>
    /// The record this run writes and, for bootstrap, what it removes, planned with reads only; null when the record
    /// stays as it is and nothing is removed (a re-run of the same stack).
    /// </summary>
    private async Task<Pruning?> PlanPruningAsync(IStackBackend backend, IAccountDrivers readers, StackGraph graph, IReadOnlyList<EnvironmentStackSpec> specs, CancellationToken cancellationToken)
    {
        var environment = request.Environment;
        var now = specs.ToDictionary(s => s.Environment ?? StackRecord.SingleStack, s => RecordedSpec.Of(s.Spec), StringComparer.Ordinal);
        var next = StackRecord.Next(_record, request.StackName, request.Region, now, environment is null);
        if (next.StoredSizeProblem() is { } tooLarge)
        {
            throw new StackInputException(tooLarge);
        }

        var removed = _record is null ? null : StackPruning.Removed(next, graph, environment, _account);
        if (removed is null)
        {
            // Every part of the replaced settings is part of the new stack too: nothing needs to stay pending.
            next = next.Settled();
            return next.SameAs(_record) ? null : new Pruning(next, null, [], []);
        }

        if (Parts != StackParts.All)
        {
            // A single verb never deletes: what the replaced settings had stays pending for the next bootstrap.
            return new Pruning(next, null, [], []);
        }

        var plan = await new StackTeardown(readers, SilentProgress.Instance).RemoveAsync(removed, PruningOptions() with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        if (plan.Failure is { } failure)
        {
            throw failure;
        }

        // Data stays safe as teardown's question counts it: a repository with branches or a bucket with objects is kept
        // and named, unless --delete-repo / --delete-buckets says it goes with its data (an ECR repository with images:
        // its driver keeps it, unless --delete-images).
        var contents = backend.Contents;
        var keptForData = new List<ResourceOutcome>();
        foreach (var outcome in plan.Resources.Where(o => o.Action == ResourceAction.WouldDelete))
        {
            var (holds, option) = outcome.Type switch
            {
                ResourceTypes.Repository when !request.DeleteRepository => (await contents.CountBranchesAsync(outcome.Name, cancellationToken).ConfigureAwait(false) is var branches and > 0 ? $"{branches} branch(es)" : null, StackOptionNames.DeleteRepo),
                ResourceTypes.Bucket when !request.DeleteBuckets => (await contents.CountObjectsAsync(outcome.Name, cancellationToken).ConfigureAwait(false) is var (count, more) && (count > 0 || more) ? $"{(more ? "more than " : string.Empty)}{count} object(s)" : null, StackOptionNames.DeleteBuckets),
                _ => (null, string.Empty),
            };
            if (holds is not null)
            {
                keptForData.Add(outcome with { Action = ResourceAction.Kept, Note = PrunedDataNote.Of(holds, option) });
            }
        }

        return new Pruning(next, removed, plan.Resources, keptForData);
    }

    /// <summary>
    /// Deletions are reviewed like widened permissions: with --allow-delete they go ahead; otherwise the host shows the
    /// list and asks (or refuses when nobody can answer) before the first write.
    /// </summary>
    private Task<bool> ConfirmPruningAsync(Pruning pruning, CancellationToken cancellationToken)
    {
        var doomed = pruning.Doomed;
        return doomed.Count == 0 || request.AllowDelete
            ? Task.FromResult(true)
            : host.ConfirmPruningAsync(new PruningQuestion(request.Command, request.StackName, request.Region, doomed, pruning.KeptForData, StackArguments()), cancellationToken);
    }

    /// <summary>Writes <paramref name="record"/> when it says something the account's does not.</summary>
    private async Task RememberAsync(IStackBackend backend, StackRecord record, CancellationToken cancellationToken)
    {
        if (record.SameAs(_record))
        {
            return;
        }

        _record = await backend.WriteRecordAsync(record, _record is not null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After the apply: the plan's deletions (dry run), or the removal of what the stack no longer has once the new
    /// parts are in place, then the record with the new settings alone. A failed apply removes nothing.
    /// </summary>
    private async Task<StackRunResult> PruneAsync(IStackBackend backend, IStackDrivers drivers, IStackProgress progress, Pruning pruning, StackRunResult applied, CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            return applied with { Resources = [.. applied.Resources, .. Shown(pruning.Plan, pruning.KeptForData)] };
        }

        if (applied.Failure is not null || Parts != StackParts.All)
        {
            return applied;
        }

        var removed = StackRunResult.Empty;
        if (pruning.Removed is { } graph)
        {
            var left = StackPruning.Without(graph, pruning.KeptForData.Select(k => (k.Type, k.Name)));
            removed = left.Entries.Count == 0 ? removed : await new StackTeardown(drivers, progress).RemoveAsync(left, PruningOptions(), cancellationToken).ConfigureAwait(false);
            pruning.KeptForData.ToList().ForEach(progress.Settled);
        }

        // A part kept for its data stays pending (the record written before the first write says so): the next bootstrap
        // names it again, and deletes it when given the option that lets its data go.
        var keptAny = pruning.KeptForData.Count > 0 || removed.Resources.Any(r => r.Action == ResourceAction.Kept);
        if (removed.Failure is null && !keptAny)
        {
            // Pending settings a concurrent run left in the record (StackRecord.Over) were not removed here: they stay.
            await RememberAsync(backend, pruning.Next.SettledAfter(_record), cancellationToken).ConfigureAwait(false);
        }

        return applied with { Resources = [.. applied.Resources, .. Shown(removed.Resources, pruning.KeptForData)], Failure = removed.Failure };
    }

    /// <summary>How a bootstrap removes what the stack no longer has: as a teardown would, ECR images only with --delete-images.</summary>
    private TeardownOptions PruningOptions() => new() { Pruning = true, DeleteImages = request.DeleteImages };

    /// <summary>
    /// What the removal did (or would do), without the resources that were already gone, and what it kept for its data
    /// (left out of the removal, so listed here whether or not the removal saw it).
    /// </summary>
    private static IEnumerable<ResourceOutcome> Shown(IReadOnlyList<ResourceOutcome> outcomes, IReadOnlyList<ResourceOutcome> keptForData) =>
        outcomes.Where(o => o.Action != ResourceAction.NotFound && !keptForData.Any(k => k.Type == o.Type && k.Name == o.Name)).Concat(keptForData);

    /// <summary>
    /// How a teardown of the whole stack deletes its record: alongside the last deletions, once every part still there is
    /// one a teardown given only <c>--name</c> finds again without the record (a default name of the stack, while the
    /// tag search finds no environment); at once for a stack made with default settings, after the parts named by
    /// other settings otherwise. A teardown of one environment (or of a stack with no record) leaves it to
    /// <see cref="ForgetEnvironmentAsync"/>.
    /// </summary>
    private TeardownFinale? Forgetting(IStackBackend backend, FoundStack found)
    {
        if (_record is null || request.Environment is not null)
        {
            return null;
        }

        var byName = found.Environments.Count > 0
            ? []
            : StackGraph.For(StackSpec.FromStackName(request.StackName, request.Region, _account)).Entries.Select(StackPruning.Identity).ToHashSet();
        return new TeardownFinale(e => byName.Contains(StackPruning.Identity(e)), ct => backend.DeleteRecordAsync(request.StackName, ct));
    }

    /// <summary>After a teardown of one environment: the record's other environments stay.</summary>
    private async Task ForgetEnvironmentAsync(IStackBackend backend, string environment, CancellationToken cancellationToken)
    {
        var left = _record! with
        {
            Environments = _record.Environments.Where(e => e.Key != environment).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            Pending = [.. _record.Pending.Where(p => p.Environment != environment)],
        };
        await RememberAsync(backend, left, cancellationToken).ConfigureAwait(false);
    }
}
