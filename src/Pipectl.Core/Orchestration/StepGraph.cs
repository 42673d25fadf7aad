using System.Collections.Concurrent;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// Runs steps as soon as the steps they depend on succeeded, concurrently otherwise. A failed step stops
/// its dependents (transitively); every other step still runs, so a run gets as far as it can. Outcomes are
/// returned in the order the steps were declared, whatever order they finished in.
/// </summary>
internal static class StepGraph
{
    public static async Task<StackRunResult> RunAsync(IReadOnlyList<GraphStep> steps, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentDictionary<string, IReadOnlyList<ResourceOutcome>>();
        var outputs = new ConcurrentDictionary<string, string>();
        var failures = new ConcurrentQueue<Exception>();
        var tasks = new Dictionary<string, Task<bool>>();
        foreach (var step in steps)
        {
            var dependencies = step.DependsOn.Where(tasks.ContainsKey).Select(d => tasks[d]).ToArray();
            tasks[step.Key] = RunStepAsync(step, dependencies, outcomes, outputs, failures, cancellationToken);
        }

        await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var ordered = steps.Where(s => outcomes.ContainsKey(s.Key)).SelectMany(s => outcomes[s.Key]).ToList();
        return new StackRunResult(ordered, new SortedDictionary<string, string>(outputs, StringComparer.Ordinal), failures.FirstOrDefault());
    }

    private static async Task<bool> RunStepAsync(
        GraphStep step,
        Task<bool>[] dependencies,
        ConcurrentDictionary<string, IReadOnlyList<ResourceOutcome>> outcomes,
        ConcurrentDictionary<string, string> outputs,
        ConcurrentQueue<Exception> failures,
        CancellationToken cancellationToken)
    {
        var ready = await Task.WhenAll(dependencies).ConfigureAwait(false);
        if (ready.Any(ok => !ok) || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            var result = await step.Run(cancellationToken).ConfigureAwait(false);
            outcomes[step.Key] = result.Outcomes;
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
    }
}

/// <summary>One node of a <see cref="StepGraph"/>: a key, the keys it waits for, and its work.</summary>
internal sealed record GraphStep(string Key, string[] DependsOn, Func<CancellationToken, Task<StepResult>> Run);

/// <summary>What a step reports: its resources' outcomes and any outputs.</summary>
internal sealed record StepResult(IReadOnlyList<ResourceOutcome> Outcomes, IReadOnlyDictionary<string, string> Outputs);
