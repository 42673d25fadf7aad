using System.Collections.Concurrent;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Runs steps as soon as the steps they depend on succeeded, concurrently otherwise. A failed step stops
/// its dependents (transitively); every other step still runs, so a run gets as far as it can. Outcomes are
/// reported (to <c>settled</c>, as they become final) and returned in the order the steps were declared,
/// whatever order they finished in: a step's dependencies must be declared before it.
/// </summary>
internal static class StepGraph
{
    public static async Task<StackRunResult> RunAsync(IReadOnlyList<GraphStep> steps, Action<ResourceOutcome> settled, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentDictionary<string, IReadOnlyList<ResourceOutcome>>();
        var outputs = new ConcurrentDictionary<string, string>();
        var failures = new ConcurrentQueue<Exception>();
        var tasks = new Dictionary<string, Task<bool>>();
        var inOrder = new InOrderReport(steps.Count, settled);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var dependencies = step.DependsOn.Select(d => tasks.TryGetValue(d, out var task) ? task : null).OfType<Task<bool>>().ToArray();
            tasks[step.Key] = RunStepAsync(step, i, dependencies, outcomes, outputs, failures, inOrder, cancellationToken);
        }

        await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var ordered = steps.Where(s => outcomes.ContainsKey(s.Key)).SelectMany(s => outcomes[s.Key]).ToList();
        return new StackRunResult(ordered, new SortedDictionary<string, string>(outputs, StringComparer.Ordinal), failures.FirstOrDefault());
    }

    private static async Task<bool> RunStepAsync(
        GraphStep step,
        int index,
        Task<bool>[] dependencies,
        ConcurrentDictionary<string, IReadOnlyList<ResourceOutcome>> outcomes,
        ConcurrentDictionary<string, string> outputs,
        ConcurrentQueue<Exception> failures,
        InOrderReport inOrder,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<ResourceOutcome> reported = [];
        try
        {
            var ready = await Task.WhenAll(dependencies).ConfigureAwait(false);
            if (ready.Any(ok => !ok) || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var result = await step.Run(cancellationToken).ConfigureAwait(false);
            outcomes[step.Key] = reported = result.Outcomes;
            foreach (var (key, value) in result.Outputs)
            {
                outputs[key] = value;
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            failures.Enqueue(e);
            return false;
        }
        finally
        {
            inOrder.Done(index, reported);
        }
    }

    /// <summary>Hands outcomes on in declaration order: a step's once every step declared before it is done.</summary>
    private sealed class InOrderReport(int count, Action<ResourceOutcome> settled)
    {
        private readonly IReadOnlyList<ResourceOutcome>?[] _done = new IReadOnlyList<ResourceOutcome>?[count];
        private readonly Lock _gate = new();
        private int _next;

        public void Done(int index, IReadOnlyList<ResourceOutcome> outcomes)
        {
            lock (_gate)
            {
                _done[index] = outcomes;
                for (; _next < count && _done[_next] is { } ready; _next++)
                {
                    foreach (var outcome in ready)
                    {
                        settled(outcome);
                    }
                }
            }
        }
    }
}

/// <summary>One node of a <see cref="StepGraph"/>: a key, the keys it waits for, and its work.</summary>
internal sealed record GraphStep(string Key, IReadOnlyList<string> DependsOn, Func<CancellationToken, Task<StepResult>> Run);

/// <summary>What a step reports: its resources' outcomes and any outputs.</summary>
internal sealed record StepResult(IReadOnlyList<ResourceOutcome> Outcomes, IReadOnlyDictionary<string, string> Outputs);
