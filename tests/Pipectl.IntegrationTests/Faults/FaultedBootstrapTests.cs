using System.Globalization;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// bootstrap, then teardown, through the fault proxy at a 20% fault rate (throttling, 5xx in each protocol's
/// format, dropped connections; before moto saw the request or after it took effect). Each seed must end with
/// exactly one of each resource after at most five re-runs, and with nothing after teardown. The stack name
/// depends on the seed only, so a failing seed replays the same faults (see <see cref="SeededFaults"/>).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class FaultedBootstrapTests(MotoServer moto, ITestOutputHelper output)
{
    private static readonly double FaultRate = Environment.GetEnvironmentVariable("FAULT_RATE") is { Length: > 0 } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 0.2;
    private static readonly FaultTiming[]? Timings = Environment.GetEnvironmentVariable("FAULT_TIMING") is "after" ? [FaultTiming.After] : null;
    private static readonly int MaxRuns = Environment.GetEnvironmentVariable("FAULT_MAX_RUNS") is { Length: > 0 } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : 6;
    private const string Email = "ops@example.com";

    /// <summary>Seeds 1-5; FAULT_SEEDS=N explores seeds 1..N and FAULT_SEED=S replays one seed.</summary>
    public static TheoryData<int> Seeds =>
        Environment.GetEnvironmentVariable("FAULT_SEED") is { Length: > 0 } one ? [int.Parse(one, CultureInfo.InvariantCulture)]
        : [.. Enumerable.Range(1, Environment.GetEnvironmentVariable("FAULT_SEEDS") is { Length: > 0 } n ? int.Parse(n, CultureInfo.InvariantCulture) : 5)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Bootstrap_and_teardown_under_20_percent_faults_end_with_one_stack_then_nothing(int seed)
    {
        var stack = $"fault-seed{seed}";
        var faults = new SeededFaults(seed, FaultRate, timings: Timings);
        using var proxy = new FaultProxy(moto.Endpoint, faults.Decide);
        try
        {
            await RunAsync(seed, stack, proxy);
        }
        finally
        {
            output.WriteLine(proxy.Describe());
        }
    }

    private async Task RunAsync(int seed, string stack, FaultProxy proxy)
    {
        var bootstrap = await FaultRuns.UntilSuccessAsync(MaxRuns, () => CliRun.RunAsync(FaultRuns.Args(proxy.Endpoint, "bootstrap", "--name", stack, "--approval-email", Email)));
        var bootstrapRequests = proxy.Requests;
        var bootstrapFaults = proxy.FaultsInjected;
        Assert.True(bootstrap.Succeeded, $"seed {seed}: bootstrap did not finish in {MaxRuns} runs\n{bootstrap.Describe()}\n{proxy.Describe()}");
        Assert.True(bootstrap.ReRuns <= MaxRuns - 1);
        foreach (var failed in bootstrap.Runs.Where(r => r.ExitCode != 0))
        {
            AssertFailedRunSaysHowToFinish(failed, "bootstrap");
        }

        Assert.Equal(StackInventory.Complete(withTopic: true), await StackInventory.ReadAsync(moto, stack));

        // Straight to moto, no faults: everything the faulted runs did is complete, so nothing changes.
        var check = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack, "--approval-email", Email));
        Assert.True(check.ExitCode == 0, check.Stderr);
        Assert.All(FaultRuns.Actions(check), a => Assert.True(a.Value == "unchanged", $"{a.Key}: {a.Value}"));
        Assert.Equal(0, check.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        var teardown = await FaultRuns.UntilSuccessAsync(MaxRuns, () => CliRun.RunAsync(FaultRuns.Args(proxy.Endpoint, "teardown", "--name", stack, "--yes")));
        Assert.True(teardown.Succeeded, $"seed {seed}: teardown did not finish in {MaxRuns} runs\n{teardown.Describe()}\n{proxy.Describe()}");
        foreach (var failed in teardown.Runs.Where(r => r.ExitCode != 0))
        {
            AssertFailedRunSaysHowToFinish(failed, "teardown");
        }

        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"seed {seed}: bootstrap {bootstrap.Runs.Count} run(s) ({bootstrap.ReRuns} re-runs) in {bootstrap.Took.TotalSeconds:0.0} s, {bootstrapRequests} requests, {bootstrapFaults} faults; teardown {teardown.Runs.Count} run(s) ({teardown.ReRuns} re-runs) in {teardown.Took.TotalSeconds:0.0} s, {proxy.Requests - bootstrapRequests} requests, {proxy.FaultsInjected - bootstrapFaults} faults");
        output.WriteLine(line);
        output.WriteLine(bootstrap.Describe());
        output.WriteLine(teardown.Describe());
    }

    /// <summary>
    /// A run that could not finish exits 1 with `pipectl: ` lines only and no stack trace. When it had started on
    /// the stack, its last line says that a re-run (or teardown) finishes it; when it stopped before touching any
    /// resource (the account lookup failed), its one line names the error and the report lists no resource.
    /// </summary>
    internal static void AssertFailedRunSaysHowToFinish(CliRun run, string verb)
    {
        Assert.Equal(1, run.ExitCode);
        var lines = FaultRuns.StderrLines(run);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("pipectl: ", l));
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.True(run.Json.TryGetProperty("error", out _), run.Stdout);
        if (run.Json.GetProperty("resources").GetArrayLength() == 0 && lines.Length == 1)
        {
            return;
        }

        var last = lines[^1];
        Assert.True(
            last.Contains("run it again to finish", StringComparison.Ordinal) || last.Contains("again to finish", StringComparison.Ordinal),
            $"{verb}: the last stderr line does not say how to finish: {last}");
    }
}
