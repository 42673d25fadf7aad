using Pipectl.Cli.Hosting;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>The CLI entry point run in-process from an args array, with stdout and stderr captured.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    static CliRun()
    {
        _ = TestSessions.Environment;
        foreach (var (key, value) in TestSessions.Environment)
        {
            Environment.SetEnvironmentVariable(key, value);
        }
    }

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, CliConsole.Captured(stdout, stderr), CancellationToken.None);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A run with a person at the terminal (stdin a terminal) who answers <paramref name="answer"/> and Enter.</summary>
    public static async Task<CliRun> OnTerminalAsync(string answer, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, false, false, true, new StringReader(answer + "\n"));
        var exit = await CliApp.RunAsync(args, console, CancellationToken.None);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Stdout).RootElement;
}
