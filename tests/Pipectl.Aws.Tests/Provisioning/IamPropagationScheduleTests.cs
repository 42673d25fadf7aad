using System.Net;
using Amazon.Runtime;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Provisioning;
using Pipectl.Core.Orchestration;

namespace Pipectl.Aws.Tests.Provisioning;

/// <summary>
/// The retry schedule of <see cref="IamPropagation"/> with scripted answers: the waits are recorded by an injected
/// delay (nothing sleeps), the jitter is scripted, so every wait and every attempt is known exactly.
/// </summary>
public sealed class IamPropagationScheduleTests
{
    private static AwsIamPropagationException Refusal() =>
        new("InvalidInputException", "CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::123456789012:role/demo-codebuild-role", "r-1", HttpStatusCode.BadRequest, ErrorType.Sender, null);

    /// <summary>A call that is refused <paramref name="refusals"/> times, then answers its attempt number.</summary>
    private static (Func<Task<int>> Call, Func<int> Attempts) RefusedThenAnswers(int refusals, Func<Exception>? other = null)
    {
        var attempts = 0;
        return (() =>
        {
            attempts++;
            if (attempts <= refusals)
            {
                throw Refusal();
            }

            return other is null ? Task.FromResult(attempts) : throw other();
        }, () => attempts);
    }

    private static (IamPropagation Propagation, List<TimeSpan> Waits, List<string> Messages) Recording(params double[] jitters)
    {
        var waits = new List<TimeSpan>();
        var progress = new RecordingProgress();
        var next = 0;
        var propagation = new IamPropagation(progress, (wait, _) =>
        {
            waits.Add(wait);
            return Task.CompletedTask;
        }, () => jitters[next++ % jitters.Length]);
        return (propagation, waits, progress.Messages);
    }

    [Fact]
    public async Task Each_refusal_is_retried_after_0_3_to_0_6_seconds_placed_by_the_jitter()
    {
        var (propagation, waits, _) = Recording(0.0, 0.5, 1.0, 0.25);
        var (call, attempts) = RefusedThenAnswers(4);

        var answer = await propagation.RetryAsync("CodeBuild project demo-build", call, CancellationToken.None);

        Assert.Equal(5, answer);
        Assert.Equal(5, attempts());
        Assert.Equal([300, 450, 600, 375], waits.Select(w => w.TotalMilliseconds));
    }

    [Fact]
    public async Task A_jitter_outside_zero_to_one_still_gives_a_wait_within_the_bounds()
    {
        var (propagation, waits, _) = Recording(-3.0, 7.0);
        var (call, _) = RefusedThenAnswers(2);

        await propagation.RetryAsync("pipeline demo-pipeline", call, CancellationToken.None);

        Assert.Equal([IamPropagation.MinStep, IamPropagation.MaxStep], waits);
    }

    [Fact]
    public async Task The_default_jitter_keeps_every_wait_within_the_bounds_and_not_all_equal()
    {
        var waits = new List<TimeSpan>();
        var propagation = new IamPropagation(SilentProgress.Instance, (wait, _) =>
        {
            waits.Add(wait);
            return Task.CompletedTask;
        });
        var (call, _) = RefusedThenAnswers(40);

        await propagation.RetryAsync("CodeBuild project demo-build", call, CancellationToken.None);

        Assert.Equal(40, waits.Count);
        Assert.All(waits, w => Assert.InRange(w, IamPropagation.MinStep, IamPropagation.MaxStep));
        Assert.True(waits.Distinct().Count() > 1, "the waits are jittered");
    }

    [Fact]
    public async Task Refusals_stop_being_retried_once_the_overall_cap_is_spent()
    {
        var (propagation, waits, _) = Recording(1.0);
        var (call, attempts) = RefusedThenAnswers(int.MaxValue);

        await Assert.ThrowsAsync<AwsIamPropagationException>(() => propagation.RetryAsync("pipeline demo-pipeline", call, CancellationToken.None));

        // 0.6 s waits (the longest): 200 of them reach the cap; the attempt after the last wait is the last one.
        Assert.Equal(200, waits.Count);
        Assert.Equal(IamPropagation.MaxWait, waits.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.Equal(201, attempts());
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        var (propagation, waits, _) = Recording(0.5);
        var (call, attempts) = RefusedThenAnswers(1, () => new AwsValidationException("InvalidInputException", "Invalid compute type provided", "r-2", HttpStatusCode.BadRequest, ErrorType.Sender, null));

        await Assert.ThrowsAsync<AwsValidationException>(() => propagation.RetryAsync("CodeBuild project demo-build", call, CancellationToken.None));

        Assert.Equal(2, attempts());
        Assert.Single(waits);
    }

    [Fact]
    public async Task Each_wait_is_reported_with_its_attempt_and_the_time_waited_so_far()
    {
        var (propagation, _, messages) = Recording(1.0);
        var (call, _) = RefusedThenAnswers(3);

        await propagation.RetryAsync("CodeBuild project demo-build", call, CancellationToken.None);

        Assert.Equal(
            [
                "waiting for IAM to propagate the role of CodeBuild project demo-build (attempt 1, 0 s so far)",
                "waiting for IAM to propagate the role of CodeBuild project demo-build (attempt 2, 1 s so far)",
                "waiting for IAM to propagate the role of CodeBuild project demo-build (attempt 3, 1 s so far)",
            ],
            messages);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_the_retries()
    {
        using var cancel = new CancellationTokenSource();
        var propagation = new IamPropagation(SilentProgress.Instance, (_, token) =>
        {
            cancel.Cancel();
            return Task.FromCanceled(token);
        });
        var (call, attempts) = RefusedThenAnswers(int.MaxValue);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => propagation.RetryAsync("pipeline demo-pipeline", call, cancel.Token));

        Assert.Equal(1, attempts());
    }

    private sealed class RecordingProgress : IStackProgress
    {
        public List<string> Messages { get; } = [];

        public void Started(string type, string name)
        {
        }

        public void Finished(string type, string name)
        {
        }

        public void Settled(Pipectl.Core.Provisioning.ResourceOutcome outcome)
        {
        }

        public void Waiting(string message) => Messages.Add(message);
    }
}
