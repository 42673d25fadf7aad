using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// Two bootstraps of one stack at the same time (in-process, as two terminals would): both end, one of each
/// resource exists afterwards, and a re-run of either is clean.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ConcurrentBootstrapTests(MotoServer moto, ITestOutputHelper output)
{
    private const string Email = "ops@example.com";

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    public async Task Two_concurrent_bootstraps_of_one_stack_end_with_one_stack(double faultRate)
    {
        var stack = "conc" + Guid.NewGuid().ToString("N")[..8];
        using var proxy = new FaultProxy(moto.Endpoint, faultRate > 0 ? new SeededFaults(7, faultRate).Decide : null);
        string[] args = FaultRuns.Args(proxy.Endpoint, "bootstrap", "--name", stack, "--approval-email", Email);

        var runs = await Task.WhenAll(CliRun.RunAsync(args), CliRun.RunAsync(args)).WaitAsync(TimeSpan.FromMinutes(2));

        foreach (var run in runs)
        {
            output.WriteLine($"exit {run.ExitCode}: {run.Stderr.Trim()}");
            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
            if (run.ExitCode != 0)
            {
                FaultedBootstrapTests.AssertFailedRunSaysHowToFinish(run, "bootstrap");
            }
        }

        if (faultRate == 0)
        {
            // Without faults nothing may fail: the loser of each race reads back what the winner made.
            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        }

        var rerun = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack, "--approval-email", Email));
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        if (runs.All(r => r.ExitCode == 0))
        {
            Assert.All(FaultRuns.Actions(rerun), a => Assert.True(a.Value == "unchanged", $"{a.Key}: {a.Value}"));
            Assert.Equal(0, rerun.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        }

        Assert.Equal(StackInventory.Complete(withTopic: true), await StackInventory.ReadAsync(moto, stack));
        var teardown = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
        output.WriteLine(proxy.Describe());
    }
}
