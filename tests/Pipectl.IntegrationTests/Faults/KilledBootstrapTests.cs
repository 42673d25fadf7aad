using System.Globalization;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// bootstrap as a separate process, killed (SIGKILL) or interrupted (SIGINT) when the proxy sees its request
/// number N, at twelve points spread over a whole bootstrap. A killed request either never reached moto or
/// took effect with its reply lost. Afterwards a normal run finishes the stack, a second one changes nothing,
/// and teardown removes everything.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class KilledBootstrapTests(MotoServer moto, ITestOutputHelper output)
{
    private const int KillPoints = 12;
    private const string Email = "ops@example.com";
    private static readonly SemaphoreSlim CalibrationGate = new(1, 1);
    private static int _requestsPerBootstrap;

    public static TheoryData<int> Points => [.. Enumerable.Range(1, KillPoints)];

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Bootstrap_killed_at_a_request_is_finished_by_a_rerun_and_removed_by_teardown(int point)
    {
        var total = await RequestsPerBootstrapAsync();
        var n = Math.Max(1, (int)Math.Round(point * (double)total / (KillPoints + 1)));
        var stack = $"kill{point:00}{Guid.NewGuid().ToString("N")[..6]}";

        var killed = await RunChildAsync(stack, r => r.Number == n, interrupt: false, n % 2 == 1 ? FaultTiming.Before : FaultTiming.After);

        Assert.True(killed.Child.Killed, $"bootstrap ended before request {n}: {killed.Run.Stderr}");
        Assert.NotEqual(0, killed.Run.ExitCode);
        await FinishAndRemoveAsync(stack, $"SIGKILL at request {n} of {total} ({killed.Operation})");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    public async Task Bootstrap_interrupted_by_ctrl_c_exits_130_and_a_rerun_finishes_it(int point)
    {
        var total = await RequestsPerBootstrapAsync();
        var n = Math.Max(1, (int)Math.Round(point * (double)total / (KillPoints + 1)));
        var stack = $"int{point:00}{Guid.NewGuid().ToString("N")[..6]}";

        var interrupted = await RunChildAsync(stack, r => r.Number == n, interrupt: true, FaultTiming.Before);

        Assert.True(interrupted.Child.Interrupted, $"bootstrap ended before request {n}: {interrupted.Run.Stderr}");
        Assert.Equal(130, interrupted.Run.ExitCode);
        var lines = FaultRuns.StderrLines(interrupted.Run);
        // The hint names the stack and the options it was made with, so the commands work as typed.
        var options = $"--name {stack} --approval-email {Email} --region {FaultRuns.Region}";
        Assert.Equal($"pipectl: cancelled. A re-run (`pipectl bootstrap {options}`) finishes what was started; `pipectl teardown {options}` removes it.", lines[^1]);
        Assert.DoesNotContain("   at ", interrupted.Run.Stderr);
        await FinishAndRemoveAsync(stack, $"SIGINT at request {n} of {total} ({interrupted.Operation})");
    }

    /// <summary>Each create whose reply never arrives because the client died: teardown alone must still remove everything.</summary>
    public static TheoryData<string> Creates => ["CreateBucket", "iam:CreateRole", "codecommit:CreateRepository", "codebuild:CreateProject", "codepipeline:CreatePipeline", "events:PutRule", "events:PutTargets", "sns:CreateTopic", "sns:Subscribe"];

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task Bootstrap_killed_right_after_a_create_took_effect_is_removed_by_teardown_alone(string create)
    {
        var stack = $"kc{Guid.NewGuid().ToString("N")[..8]}";
        Func<ProxiedRequest, bool> at = create == "CreateBucket"
            ? r => r.Operation == $"s3:PUT /{stack}-artifacts-123456789012-{FaultRuns.Region}/"
            : r => r.Operation == create;

        var killed = await RunChildAsync(stack, at, interrupt: false, FaultTiming.After);

        Assert.True(killed.Child.Killed, $"bootstrap never sent {create}: {killed.Run.Stderr}");
        var teardown = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));
        Assert.True(teardown.ExitCode == 0, $"teardown after a kill at {create} failed: {teardown.Stderr}");
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));
        output.WriteLine($"SIGKILL right after {create}: teardown {string.Join(", ", FaultRuns.Actions(teardown).Values.GroupBy(a => a).Select(g => $"{g.Count()} {g.Key}"))}");
    }

    private Task<KilledRun> RunChildAsync(string stack, Func<ProxiedRequest, bool> at, bool interrupt, FaultTiming timing) =>
        KilledRun.RunAsync(moto.Endpoint, ["bootstrap", "--name", stack, "--approval-email", Email], at, timing, output, interrupt);

    private async Task FinishAndRemoveAsync(string stack, string what)
    {
        var rerun = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack, "--approval-email", Email));
        Assert.True(rerun.ExitCode == 0, $"{what}: re-run failed: {rerun.Stderr}");
        var actions = FaultRuns.Actions(rerun);
        Assert.Equal(11, actions.Count);
        Assert.All(actions, a => Assert.True(a.Value is "created" or "updated" or "unchanged", $"{a.Key}: {a.Value}"));
        Assert.Equal(StackInventory.Complete(withTopic: true), await StackInventory.ReadAsync(moto, stack));

        var again = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "bootstrap", "--name", stack, "--approval-email", Email));
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.All(FaultRuns.Actions(again), a => Assert.True(a.Value == "unchanged", $"{what}: second re-run: {a.Key}: {a.Value}"));

        var teardown = await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"));
        Assert.True(teardown.ExitCode == 0, $"{what}: teardown failed: {teardown.Stderr}");
        Assert.Equal(StackInventory.Nothing, await StackInventory.ReadAsync(moto, stack));

        var counts = actions.Values.GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: re-run {string.Join(", ", counts)}; teardown clean"));
    }

    /// <summary>How many requests one bootstrap sends (measured once, through the proxy, without faults).</summary>
    private async Task<int> RequestsPerBootstrapAsync()
    {
        await CalibrationGate.WaitAsync();
        try
        {
            if (_requestsPerBootstrap == 0)
            {
                var stack = "calib" + Guid.NewGuid().ToString("N")[..6];
                using var proxy = new FaultProxy(moto.Endpoint);
                var run = await CliRun.RunAsync(FaultRuns.Args(proxy.Endpoint, "bootstrap", "--name", stack, "--approval-email", Email));
                Assert.True(run.ExitCode == 0, run.Stderr);
                _requestsPerBootstrap = proxy.Requests;
                Assert.Equal(0, (await CliRun.RunAsync(FaultRuns.Args(moto.Endpoint, "teardown", "--name", stack, "--yes"))).ExitCode);
            }

            return _requestsPerBootstrap;
        }
        finally
        {
            CalibrationGate.Release();
        }
    }
}
