using System.Diagnostics;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>Runs a pipectl verb in-process until it exits 0, at most a given number of times, and keeps what each run said.</summary>
internal static class FaultRuns
{
    public const string Region = "us-east-1";

    /// <summary>The verb's arguments pointed at an endpoint, with a JSON report; FAULT_VERBOSE=1 adds --verbose (stack traces when debugging a seed).</summary>
    public static string[] Args(string endpoint, params string[] args) =>
        Environment.GetEnvironmentVariable("FAULT_VERBOSE") is "1"
            ? [.. args, "--endpoint-url", endpoint, "--region", Region, "--output", "json", "--verbose"]
            : [.. args, "--endpoint-url", endpoint, "--region", Region, "--output", "json"];

    public static async Task<RunSeries> UntilSuccessAsync(int maxRuns, Func<Task<CliRun>> run)
    {
        var watch = Stopwatch.StartNew();
        var runs = new List<CliRun>();
        for (var i = 0; i < maxRuns; i++)
        {
            var result = await run();
            runs.Add(result);
            if (result.ExitCode == 0)
            {
                break;
            }
        }

        return new RunSeries(runs, watch.Elapsed);
    }

    /// <summary>The stderr lines of a run (progress lines, waits and errors).</summary>
    public static string[] StderrLines(CliRun run) => run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The stderr lines but warnings (the emulator's default caller, which IAM cannot simulate, is warned about before the first write).</summary>
    public static string[] ErrorLines(CliRun run) => [.. StderrLines(run).Where(l => !l.StartsWith("pipectl: warning:", StringComparison.Ordinal))];

    /// <summary>The "action" of every resource in a run's JSON report, by "type name".</summary>
    public static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);
}

/// <summary>The runs of one verb until it succeeded (or gave up).</summary>
internal sealed record RunSeries(IReadOnlyList<CliRun> Runs, TimeSpan Took)
{
    public bool Succeeded => Runs.Count > 0 && Runs[^1].ExitCode == 0;

    public int ReRuns => Runs.Count - 1;

    public string Describe() => string.Join("\n", Runs.Select((r, i) => $"run {i + 1}: exit {r.ExitCode}; stderr: {r.Stderr.Trim()}"));
}
