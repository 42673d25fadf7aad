using System.Text;
using Pipectl.Cli.Hosting;

namespace Pipectl.Cli.Output;

/// <summary>
/// The one gate between pipectl and stdout/stderr: everything written passes <see cref="TerminalText.Filter"/>
/// (no escape sequence, control character or bidi override that came from AWS, a file or the command line
/// reaches the terminal; line feeds and tabs stay) and has any password in a URL replaced by <c>***</c>.
/// pipectl's own cursor control (the spinner, the watch redraw) goes to <see cref="CliConsole.Terminal"/> instead.
/// </summary>
/// <param name="secrets">Strings never shown (the endpoint passwords of this run, <see cref="EndpointUrls.SecretsOf"/>).</param>
public sealed class SanitizingWriter(TextWriter inner, bool allowColor, IReadOnlyList<string>? secrets = null) : TextWriter
{
    private readonly TerminalText.Filter _filter = new(allowColor, keepLineBreaks: true);
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => Emit([value]);

    public override void Write(char[] buffer, int index, int count) => Emit(buffer.AsSpan(index, count));

    public override void Write(string? value) => Emit(EndpointUrls.Redact(value ?? string.Empty, secrets));

    public override void WriteLine(string? value) => Emit(EndpointUrls.Redact(value ?? string.Empty, secrets) + NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    private void Emit(ReadOnlySpan<char> text)
    {
        var output = new StringBuilder(text.Length);
        lock (_gate)
        {
            _filter.Append(text, output);
            inner.Write(output.ToString());
        }
    }
}
