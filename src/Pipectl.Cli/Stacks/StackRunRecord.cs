using Pipectl.Aws.Operations;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Aws.Ssm;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// The stack's record (docs/stack-record.md) in a run: settings an option leaves out are the stack's own, the record is
/// written (old and new settings) before the first write, and what the stack no longer has is shown by the plan,
/// reviewed, and removed after the new parts are in place; then the record holds the new settings alone.
/// </summary>
internal sealed partial class StackRun
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
    private RecordedSpec? Remembered(StackFile? file) =>
        teardown is null && file is null && _record?.Environments.TryGetValue(StackRecord.SingleStack, out var settings) == true ? settings : null;

    /// <summary>An option that drops a part cannot be given with one that adds it.</summary>
    private void CheckDrops()
    {
        if (parse.GetResult(options.NoTestStage) is not null && parse.GetValue(options.NoTestStage) && parse.GetResult(options.TestBuildspec) is not null)
        {
            throw new UsageException($"{StackOptionNames.NoTestStage} conflicts with {StackOptionNames.TestBuildspec}: drop one of them.");
        }

        if (parse.GetResult(options.NoApproval) is not null && parse.GetValue(options.NoApproval) && (parse.GetValue(options.Approval) || parse.GetValue(options.ApprovalEmail) is not null))
        {
            throw new UsageException($"{StackOptionNames.NoApproval} conflicts with {StackOptionNames.Approval} and {StackOptionNames.ApprovalEmail}: drop one of them.");
        }
    }

    /// <summary>
    /// The record this run writes and, for bootstrap, what it removes, planned with reads only; null when the record
    /// stays as it is and nothing is removed (a re-run of the same stack).
    /// </summary>
    private async Task<Pruning?> PlanPruningAsync(AwsSession session, AwsStackDrivers readers, StackGraph graph, IReadOnlyList<EnvironmentStackSpec> specs, CancellationToken cancellationToken)
    {
        var environment = parse.GetValue(options.Environment);
        var now = specs.ToDictionary(s => s.Environment ?? StackRecord.SingleStack, s => RecordedSpec.Of(s.Spec), StringComparer.Ordinal);
        var next = StackRecord.Next(_record, _stackName!, _region!, now, environment is null);
        if (next.StoredSizeProblem() is { } tooLarge)
        {
            throw new UsageException(tooLarge);
        }

        var removed = _record is null ? null : StackPruning.Removed(next, graph, environment, _account);
        if (removed is null)
        {
            // Every part of the replaced settings is part of the new stack too: nothing needs to stay pending.
            next = next.Settled();
            return next.SameAs(_record) ? null : new Pruning(next, null, [], []);
        }

        if (parts != StackParts.All)
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
        var contents = new StackContents(session.CodeCommit, session.S3);
        var (deleteRepo, deleteBuckets) = (parse.GetValue(options.DeleteRepo), parse.GetValue(options.DeleteBuckets));
        var keptForData = new List<ResourceOutcome>();
        foreach (var outcome in plan.Resources.Where(o => o.Action == ResourceAction.WouldDelete))
        {
            var (holds, option) = outcome.Type switch
            {
                ResourceTypes.Repository when !deleteRepo => (await contents.CountBranchesAsync(outcome.Name, cancellationToken).ConfigureAwait(false) is var branches and > 0 ? $"{branches} branch(es)" : null, StackOptionNames.DeleteRepo),
                ResourceTypes.Bucket when !deleteBuckets => (await contents.CountObjectsAsync(outcome.Name, cancellationToken).ConfigureAwait(false) is var (count, more) && (count > 0 || more) ? $"{(more ? "more than " : string.Empty)}{count} object(s)" : null, StackOptionNames.DeleteBuckets),
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
    /// Deletions are reviewed like widened permissions: with --allow-delete they go ahead; on a terminal the list is
    /// shown and asked about before the first write; without one the run stops (exit 2) before anything is written.
    /// </summary>
    private async Task<bool> ConfirmPruningAsync(Pruning pruning, CancellationToken cancellationToken)
    {
        var doomed = pruning.Doomed;
        if (doomed.Count == 0 || parse.GetValue(options.AllowDelete))
        {
            return true;
        }

        var what = string.Join(", ", doomed.Select(r => $"{r.Type} {TerminalText.Inline(r.Name)}"));
        if (!console.StdinIsTerminal)
        {
            throw new UsageException($"{command} would delete {doomed.Count} resources the stack no longer has ({what}) and there is no terminal to confirm on. Review them with `pipectl plan {StackArgs()}`, then run again with {StackOptionNames.AllowDelete}. Nothing was written.");
        }

        var style = new TextStyle(console.UseColor);
        await console.Error.WriteLineAsync($"pipectl: stack {_stackName} in {_region} no longer has these {doomed.Count} resources; they will be deleted once the new parts are in place:").ConfigureAwait(false);
        foreach (var resource in doomed)
        {
            await console.Error.WriteLineAsync($"  {style.Bad("delete")} {resource.Type,-28} {TerminalText.Inline(resource.Name)}").ConfigureAwait(false);
        }

        foreach (var resource in pruning.KeptForData)
        {
            await console.Error.WriteLineAsync($"  {style.Dim("keep")}   {resource.Type,-28} {TerminalText.Inline(resource.Name)} ({resource.Note})").ConfigureAwait(false);
        }

        await console.Error.WriteAsync("Delete them? Type 'yes' to continue: ").ConfigureAwait(false);
        var answer = await console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return answer?.Trim().ToLowerInvariant() is "yes" or "y";
    }

    /// <summary>Writes <paramref name="record"/> when it says something the account's does not.</summary>
    private async Task RememberAsync(AwsSession session, StackRecord record, CancellationToken cancellationToken)
    {
        if (record.SameAs(_record))
        {
            return;
        }

        _record = await new StackRecordStore(session.Ssm).WriteAsync(record, _record is not null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After the apply: the plan's deletions (dry run), or the removal of what the stack no longer has once the new
    /// parts are in place, then the record with the new settings alone. A failed apply removes nothing.
    /// </summary>
    private async Task<StackRunResult> PruneAsync(AwsSession session, IStackDrivers drivers, IStackProgress progress, Pruning pruning, StackRunResult applied, CancellationToken cancellationToken)
    {
        if (settings.DryRun)
        {
            return applied with { Resources = [.. applied.Resources, .. Shown(pruning.Plan, pruning.KeptForData)] };
        }

        if (applied.Failure is not null || parts != StackParts.All)
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
            await RememberAsync(session, pruning.Next.SettledAfter(_record), cancellationToken).ConfigureAwait(false);
        }

        return applied with { Resources = [.. applied.Resources, .. Shown(removed.Resources, pruning.KeptForData)], Failure = removed.Failure };
    }

    /// <summary>How a bootstrap removes what the stack no longer has: as a teardown would, ECR images only with --delete-images.</summary>
    private TeardownOptions PruningOptions() => new() { Pruning = true, DeleteImages = parse.GetValue(options.DeleteImages) };

    /// <summary>
    /// What the removal did (or would do), without the resources that were already gone, and what it kept for its data
    /// (left out of the removal, so listed here whether or not the removal saw it).
    /// </summary>
    private static IEnumerable<ResourceOutcome> Shown(IReadOnlyList<ResourceOutcome> outcomes, IReadOnlyList<ResourceOutcome> keptForData) =>
        outcomes.Where(o => o.Action != ResourceAction.NotFound && !keptForData.Any(k => k.Type == o.Type && k.Name == o.Name)).Concat(keptForData);

    /// <summary>After a teardown: the whole stack's record goes; one environment's leaves the record's other environments.</summary>
    private async Task ForgetAsync(AwsSession session, CancellationToken cancellationToken)
    {
        var store = new StackRecordStore(session.Ssm);
        if (parse.GetValue(options.Environment) is not { } environment)
        {
            await store.DeleteAsync(_stackName!, cancellationToken).ConfigureAwait(false);
            return;
        }

        var left = _record! with
        {
            Environments = _record.Environments.Where(e => e.Key != environment).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            Pending = [.. _record.Pending.Where(p => p.Environment != environment)],
        };
        await RememberAsync(session, left, cancellationToken).ConfigureAwait(false);
    }
}
