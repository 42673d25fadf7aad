using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Validation;

/// <summary>
/// Loads the one YAML document of a file into YamlDotNet's representation model (no reflection, so trimming
/// and Native AOT stay safe) and turns a syntax error into a <see cref="Diagnostic"/> at YamlDotNet's position.
/// </summary>
internal static class YamlText
{
    /// <summary>The root node of the file's only document, or null after reporting why there is none.</summary>
    public static YamlNode? Load(string file, string text, ICollection<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, "the file is empty"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Add(FromException(file, text, e));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, "the file holds only comments: no YAML document"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            diagnostics.Add(new Diagnostic(file, Line(second.Start), Column(second.Start), "the file holds more than one YAML document ('---'); only one is read, so merge them or remove the separator"));
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>1-based line of a mark, as an <see cref="int"/>.</summary>
    public static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    /// <summary>1-based column of a mark, as an <see cref="int"/>.</summary>
    public static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private static Diagnostic FromException(string file, string text, YamlException e)
    {
        // YamlDotNet reports a tab in the indentation at the start of the enclosing mapping; the tab itself
        // is what a person has to find, so point at it.
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text) is { } tab)
        {
            return new Diagnostic(file, tab.Line, tab.Column, "a tab in the indentation: YAML indents with spaces only");
        }

        var message = e.Message.TrimEnd('.');
        var mark = e.Start;
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            message = $"duplicate key '{message["Duplicate key".Length..].Trim()}': each key may appear once in a mapping";
        }
        else
        {
            message = $"invalid YAML: {message}";
        }

        return new Diagnostic(file, Line(mark), Column(mark), message);
    }

    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            for (var c = 0; c < line.Length && (line[c] == ' ' || line[c] == '\t'); c++)
            {
                if (line[c] == '\t')
                {
                    return (i + 1, c + 1);
                }
            }
        }

        return null;
    }
}
