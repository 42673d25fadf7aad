using Pipectl.Aws.Errors;
using Pipectl.Core.Orchestration;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// IAM is eventually consistent: for ~10-30 s after a role is created, CodeBuild and CodePipeline reject it
/// as "not authorized to perform sts:AssumeRole". Those errors, and only those, are retried with
/// exponential backoff (1, 2, 4, 8, 8 ... s) for up to <see cref="MaxWait"/>; the wait is shown as progress.
/// </summary>
public sealed class IamPropagation(IStackProgress progress, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(8);

    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    public async Task<T> RetryAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AwsIamPropagationException) when (waited < MaxWait)
            {
                progress.Waiting($"waiting for IAM to propagate the role of {what} (attempt {attempt}, {waited.TotalSeconds:0} s so far)");
                await _delay(step, cancellationToken).ConfigureAwait(false);
                waited += step;
                step = step * 2 > MaxStep ? MaxStep : step * 2;
            }
        }
    }
}
