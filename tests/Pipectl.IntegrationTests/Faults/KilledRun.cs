using Pipectl.IntegrationTests.Cli;
using Xunit.Abstractions;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>What a killed (or interrupted) child run did: the child, its output, and the operation it was stopped at ("-": none).</summary>
internal sealed record KilledRun(CliChild Child, CliRun Run, string Operation)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Runs pipectl <paramref name="args"/> as a child process through a fault proxy in front of <paramref name="endpoint"/>
    /// and, at the first request <paramref name="at"/> matches, kills it (SIGKILL) with that request dropped
    /// <paramref name="timing"/> (before moto saw it, or after it took effect), or interrupts it (SIGINT) with the
    /// request let through.
    /// </summary>
    public static async Task<KilledRun> RunAsync(string endpoint, string[] args, Func<ProxiedRequest, bool> at, FaultTiming timing, ITestOutputHelper output, bool interrupt = false)
    {
        CliChild? child = null;
        var operation = "-";
        var fired = 0;
        using var proxy = new FaultProxy(endpoint);
        proxy.Faults = request =>
        {
            if (!at(request) || Interlocked.Exchange(ref fired, 1) == 1)
            {
                return null;
            }

            operation = request.Operation;
            if (interrupt)
            {
                // Ctrl-C while this request is on its way: it reaches moto, the run stops at its next await.
                Volatile.Read(ref child)!.Interrupt();
                return null;
            }

            // Killed with this request in flight: before moto saw it, or after it took effect.
            Volatile.Read(ref child)!.Kill();
            return new InjectedFault(FaultKind.Drop, timing);
        };

        using (child = CliChild.Start(FaultRuns.Args(proxy.Endpoint, args)))
        {
            var run = await child.WaitAsync(ChildTimeout);
            output.WriteLine($"{string.Join(' ', args)}: child exit {run.ExitCode} after {proxy.Requests} requests; stderr: {run.Stderr.Trim()}");
            output.WriteLine(proxy.Describe());
            return new KilledRun(child, run, operation);
        }
    }

    /// <summary>A request predicate true for the <paramref name="n"/>th request (1-based) that <paramref name="match"/> accepts, in arrival order.</summary>
    public static Func<ProxiedRequest, bool> Nth(int n, Func<ProxiedRequest, bool> match)
    {
        var seen = 0;
        return request => match(request) && Interlocked.Increment(ref seen) == n;
    }
}
