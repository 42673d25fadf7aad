namespace Pipectl.Cli.Hosting;

/// <summary>
/// Where pipectl writes: stdout for results, stderr for progress and errors; whether a person is watching
/// (a terminal) and whether colour is wanted (a terminal and no NO_COLOR).
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal, bool UseColor, bool StdinIsTerminal, TextReader In)
{
    public static CliConsole FromProcess()
    {
        var terminal = !Console.IsErrorRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new CliConsole(Console.Out, Console.Error, terminal, terminal && !noColor, !Console.IsInputRedirected && !Console.IsOutputRedirected, Console.In);
    }

    /// <summary>A console for tests and scripts: not a terminal, no colour.</summary>
    public static CliConsole Captured(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, false, false, false, input ?? TextReader.Null);
}
