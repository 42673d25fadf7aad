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
        return new CliConsole(Console.Out, Console.Error, terminal, terminal && !noColor, !Console.IsInputRedirected, Console.In);
    }

    /// <summary>
    /// stderr as it is, for pipectl's own cursor control only (the spinner, the watch redraw): text that goes with
    /// it is cleaned with <see cref="Output.TerminalText.Inline"/> first. Defaults to <see cref="Error"/>.
    /// </summary>
    public TextWriter Terminal { get => _terminal ?? Error; init => _terminal = value; }

    private readonly TextWriter? _terminal;

    /// <summary>This console with stdout and stderr behind <see cref="Output.SanitizingWriter"/>: the one place output is cleaned.</summary>
    public CliConsole Sanitized(IReadOnlyList<string>? secrets = null) => Out is Output.SanitizingWriter ? this : this with
    {
        Out = new Output.SanitizingWriter(Out, UseColor, secrets),
        Error = new Output.SanitizingWriter(Error, UseColor, secrets),
        Terminal = Terminal,
    };

    /// <summary>A console for tests and scripts: not a terminal, no colour.</summary>
    public static CliConsole Captured(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, false, false, false, input ?? TextReader.Null);
}
