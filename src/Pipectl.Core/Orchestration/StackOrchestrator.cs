using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Converges the parts of a stack a verb asks for by walking its <see cref="StackGraph"/> forward. Every
/// resource of the run is read first, all at once (those read by name may have started before the account was
/// known: <see cref="ApplyOptions.EarlyReads"/>), alongside the run's <see cref="ApplyOptions.Preflight"/>; a name held by something that is not the stack's own
/// stops the run there, before the first write. Then each resource is converged as soon as what it depends
/// on is, independent ones concurrently. When a resource fails, what depends on it is not started, the rest
/// finishes, and the failure is returned with everything handled so far, so a re-run finishes the stack and
/// a teardown removes it.
/// </summary>
public sealed class StackOrchestrator(IStackDrivers drivers, IStackProgress progress)
{
    public const string OfflineNote = "no credentials: planned for an empty account";
    public const string NotApprovedMessage = "the permission changes were not approved: nothing was written.";
    public const string AdoptedNote = "adopted: it existed before pipectl and is never modified or deleted by pipectl";

    public Task<StackRunResult> ApplyAsync(DesiredStack stack, StackParts parts, ApplyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return ApplyAsync(StackGraph.For(stack.Spec), parts, options, cancellationToken);
    }

    public async Task<StackRunResult> ApplyAsync(StackGraph graph, StackParts parts, ApplyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var run = EntriesOf(graph, parts).Select(e => options.EarlyReads.Bind(e, drivers, EarlyReads.Purpose.Apply)).ToList();
        var preflight = options.Preflight is { } check ? check(cancellationToken) : Task.FromResult<Exception?>(null);
        Exception? readFailure = null;
        try
        {
            await Task.WhenAll(run.Select(r => r.ReadAsync(cancellationToken))).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            readFailure = e;
        }

        if ((await preflight.ConfigureAwait(false) ?? readFailure) is { } stop)
        {
            return new StackRunResult([], new Dictionary<string, string>(), stop);
        }

        var refused = run.Select(r => (Resource: r, Reason: r.Refusal(graph.StackName, graph.Region))).Where(r => r.Reason is not null).ToList();
        if (refused.Count > 0)
        {
            var outcomes = refused.Select(r => r.Resource.Described(r.Resource.Refused(graph.StackName, graph.Region))).ToList();
            outcomes.ForEach(progress.Settled);
            var others = refused.Count > 1 ? $" The same holds for {string.Join(", ", outcomes.Skip(1).Select(o => $"{o.Type} {o.Name}"))}." : string.Empty;
            return new StackRunResult(outcomes, new Dictionary<string, string>(), new ProvisioningException(refused[0].Reason + others));
        }

        var produced = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var context = new ApplyContext(drivers, options, graph.StackName, graph.Region)
        {
            StackExists = run.Any(r => r.Exists && !r.Entry.UseExisting),
            Outputs = produced,
        };
        if (!options.DryRun && (options.ApproveWidening is not null || options.CheckWrites is not null))
        {
            // The plan comes from the reads just made: asking costs no request.
            var plan = await Task.WhenAll(run.Select(r => r.PlanAsync(context, cancellationToken))).ConfigureAwait(false);
            if (options.CheckWrites is { } checkWrites && PlannedWrites.HasWrites(plan) && await checkWrites(plan, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return new StackRunResult([], new Dictionary<string, string>(), refusal);
            }

            if (options.ApproveWidening is { } approve && plan.Any(o => o.Widens) && !await approve(plan, cancellationToken).ConfigureAwait(false))
            {
                return new StackRunResult([], new Dictionary<string, string>(), new NotConfirmedException(NotApprovedMessage));
            }
        }

        if (!options.DryRun && options.BeforeFirstWrite is { } beforeFirstWrite)
        {
            await beforeFirstWrite(cancellationToken).ConfigureAwait(false);
        }

        var dependencies = StackGraph.DependenciesWithin(run.Select(r => r.Entry).ToList());
        var steps = run.Select(resource => new GraphStep(resource.Entry.Key, dependencies[resource.Entry.Key], async ct =>
        {
            progress.Started(resource.Type, resource.Entry.Name);
            var (outcome, outputs) = await resource.ApplyAsync(context, ct).ConfigureAwait(false);
            foreach (var (key, value) in outputs)
            {
                produced[key] = value;
            }

            progress.Finished(resource.Type, resource.Entry.Name);
            return new StepResult([outcome], StackGraph.Scoped(resource.Entry, outputs));
        })).ToList();
        return await StepGraph.RunAsync(steps, progress.Settled, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entries an apply of <paramref name="parts"/> converges, in apply order.</summary>
    internal static IReadOnlyList<ResourceEntry> EntriesOf(StackGraph graph, StackParts parts) =>
        StackGraph.InApplyOrder(graph.Entries.Where(e => e.Wanted && (parts & e.Part) != 0));
}
