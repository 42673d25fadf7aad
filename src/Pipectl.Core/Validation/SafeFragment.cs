namespace Pipectl.Core.Validation;

/// <summary>
/// What an error message may quote of a value read from a file: a short, single-line fragment with control
/// characters made visible, and never what follows the '=' or ':' of a <c>KEY=value</c> or <c>user:hash</c>
/// line (a dotenv file or /etc/shadow given by mistake must not end up on the terminal or in a CI log).
/// </summary>
public static class SafeFragment
{
    /// <summary>The longest fragment quoted.</summary>
    public const int MaxLength = 24;

    /// <summary>The quotable part of <paramref name="value"/>.</summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var line = value.Split('\n', 2)[0].TrimEnd('\r');
        var cut = line.IndexOfAny(['=', ':']);
        var more = value.Length > line.Length + 1 || line.Length > MaxLength;
        if (cut >= 0 && cut + 1 < line.Length)
        {
            line = line[..(cut + 1)];
            more = true;
        }

        if (line.Length > MaxLength)
        {
            line = line[..MaxLength];
        }

        var visible = string.Concat(line.Select(c => char.IsControl(c) || IsBidiControl(c) ? '?' : c));
        var broken = value.Length > line.Length && cut < 0 && line.Length < MaxLength;
        return broken ? visible + "\\n" + (more ? "..." : string.Empty) : more ? visible + "..." : visible;
    }

    /// <summary>
    /// A value the user typed, whole, with line breaks and other control or bidi characters written as escapes
    /// (<c>\n</c>, <c>\u001B</c>): an error message stays one line and shows exactly what was wrong.
    /// </summary>
    public static string Visible(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Concat(value.Select(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when char.IsControl(c) || IsBidiControl(c) => $"\\u{(int)c:X4}",
            _ => c.ToString(),
        }));
    }

    /// <summary>True for the characters that reorder displayed text: bidi embeddings, overrides, isolates and marks.</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
