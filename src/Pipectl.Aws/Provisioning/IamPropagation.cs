using Pipectl.Aws.Errors;
using Pipectl.Core.Orchestration;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// IAM is eventually consistent: for ~10-30 s after a role is created, CodeBuild (CreateProject,
/// UpdateProject) and CodePipeline (CreatePipeline, UpdatePipeline), which check at once that they can assume
/// the role they are given, reject it as "not authorized to perform sts:AssumeRole". Those errors, and only
/// those, are retried for up to <see cref="MaxWait"/> of waiting. A refused attempt costs one cheap request and
/// nothing else, so the retries come often, <see cref="MinStep"/> to <see cref="MaxStep"/> apart at random: the
/// create follows within 0.6 s of the moment the role becomes usable (an exponential backoff would make it
/// wait up to as long again as it already waited), and concurrent retries of several resources do not fall in
/// step. The wait is shown as progress.
/// </summary>
/// <param name="progress">Where the wait is reported.</param>
/// <param name="delay">Waits the given time (tests pass one that records and returns at once).</param>
/// <param name="jitter">A number in [0, 1) for each wait, placing it between <see cref="MinStep"/> and <see cref="MaxStep"/>.</param>
public sealed class IamPropagation(IStackProgress progress, Func<TimeSpan, CancellationToken, Task>? delay = null, Func<double>? jitter = null)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan MinStep = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan MaxStep = TimeSpan.FromMilliseconds(600);

    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;

    public async Task<T> RetryAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AwsIamPropagationException) when (waited < MaxWait)
            {
                progress.Waiting($"waiting for IAM to propagate the role of {what} (attempt {attempt}, {waited.TotalSeconds:0} s so far)");
                var step = NextStep();
                await _delay(step, cancellationToken).ConfigureAwait(false);
                waited += step;
            }
        }
    }

    /// <summary>The next wait: <see cref="MinStep"/> plus a random share of the span up to <see cref="MaxStep"/>.</summary>
    private TimeSpan NextStep()
    {
        var share = Math.Clamp(_jitter(), 0, 1);
        return MinStep + ((MaxStep - MinStep) * share);
    }
}
