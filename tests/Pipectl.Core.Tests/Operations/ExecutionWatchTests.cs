using Pipectl.Core.Operations;
using static Pipectl.Core.Tests.Operations.OperationsSamples;

namespace Pipectl.Core.Tests.Operations;

/// <summary>The watch loop with scripted looks and a wait that returns at once: no test sleeps.</summary>
public sealed class ExecutionWatchTests
{
    [Theory]
    [InlineData(PipelineStatuses.Succeeded, ExecutionOutcome.Succeeded)]
    [InlineData(PipelineStatuses.Failed, ExecutionOutcome.Failed)]
    [InlineData(PipelineStatuses.Stopped, ExecutionOutcome.Failed)]
    [InlineData(PipelineStatuses.Superseded, ExecutionOutcome.Failed)]
    public async Task Follows_the_latest_execution_until_it_settles(string final, ExecutionOutcome expected)
    {
        var looks = new Queue<PipelineStatus>([Status(PipelineStatuses.InProgress), Status(PipelineStatuses.Stopping), Status(final)]);
        var waits = new List<TimeSpan>();
        var seen = new List<string?>();
        var watch = new ExecutionWatch(_ => Task.FromResult(looks.Dequeue()), (wait, _) => { waits.Add(wait); return Task.CompletedTask; }, TimeSpan.FromSeconds(5));

        var result = await watch.RunAsync(null, (status, id) => { seen.Add($"{id}:{status.FindExecution(id!)!.Status}"); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("e-2", result.Execution!.Id);
        Assert.Equal(["e-2:InProgress", "e-2:Stopping", $"e-2:{final}"], seen);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], waits);
        Assert.Empty(looks);
    }

    [Fact]
    public async Task A_just_started_execution_that_is_not_listed_yet_counts_as_running()
    {
        var notYet = new PipelineStatus("demo-pipeline", [], [Execution(PipelineStatuses.Succeeded, "e-1")]);
        var looks = new Queue<PipelineStatus>([notYet, Status(PipelineStatuses.InProgress, []) with { RecentExecutions = [Execution(PipelineStatuses.Succeeded, "e-3"), Execution(PipelineStatuses.Succeeded, "e-1")] }]);
        var watch = new ExecutionWatch(_ => Task.FromResult(looks.Dequeue()), (_, _) => Task.CompletedTask, TimeSpan.Zero);

        var result = await watch.RunAsync("e-3", (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(ExecutionOutcome.Succeeded, result.Outcome);
        Assert.Equal("e-3", result.Execution!.Id);
        Assert.Empty(looks);
    }

    [Fact]
    public async Task An_already_settled_execution_ends_after_one_look_without_waiting()
    {
        var waited = false;
        var watch = new ExecutionWatch(_ => Task.FromResult(Status(PipelineStatuses.Failed)), (_, _) => { waited = true; return Task.CompletedTask; }, TimeSpan.Zero);

        var result = await watch.RunAsync(null, (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(ExecutionOutcome.Failed, result.Outcome);
        Assert.False(waited);
    }

    [Fact]
    public async Task Without_any_execution_there_is_nothing_to_follow()
    {
        var never = new PipelineStatus("demo-pipeline", [], []);
        var watch = new ExecutionWatch(_ => Task.FromResult(never), (_, _) => Task.CompletedTask, TimeSpan.Zero);

        var result = await watch.RunAsync(null, (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Null(result.Execution);
        Assert.Equal(ExecutionOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task Cancelling_the_token_while_waiting_stops_the_watch()
    {
        using var cancellation = new CancellationTokenSource();
        var looks = 0;
        var watch = new ExecutionWatch(
            _ => { looks++; return Task.FromResult(Status(PipelineStatuses.InProgress)); },
            (_, token) => { cancellation.Cancel(); return Task.FromCanceled(token); },
            TimeSpan.FromHours(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch.RunAsync(null, (_, _) => Task.CompletedTask, cancellation.Token));
        Assert.Equal(1, looks);
    }
}
