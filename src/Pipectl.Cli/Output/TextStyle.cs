namespace Pipectl.Cli.Output;

/// <summary>ANSI colour on a terminal, plain text elsewhere (and always with NO_COLOR).</summary>
public sealed class TextStyle(bool useColor)
{
    public string Good(string text) => Paint("32", text);

    public string Bad(string text) => Paint("31", text);

    public string Warn(string text) => Paint("33", text);

    public string Dim(string text) => Paint("2", text);

    public string Bold(string text) => Paint("1", text);

    private string Paint(string code, string text) => useColor ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
