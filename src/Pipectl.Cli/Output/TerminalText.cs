using System.Text;

namespace Pipectl.Cli.Output;

/// <summary>
/// Makes text safe to put on a terminal: escape sequences (CSI, OSC such as a title change, DCS, two-character
/// ESC sequences such as a reset), C0 and C1 control characters, DEL and the bidirectional overrides and
/// isolates that reorder what a person reads are removed. Line feeds and tabs stay where lines are wanted;
/// <see cref="Inline"/> turns them into spaces for a value that must stay on its row. With colour on, SGR
/// (colour) sequences pass: they cannot move the cursor, clear the screen or set a title.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> cleaned for one row: no line breaks, tabs or control characters at all.</summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var filter = new Filter(allowColor: false, keepLineBreaks: false);
        var output = new StringBuilder(text.Length);
        filter.Append(text, output);
        return output.ToString();
    }

    /// <summary>True for the characters that reorder displayed text (bidi embeddings, overrides, isolates and marks).</summary>
    public static bool IsBidiControl(char c) => Core.Validation.SafeFragment.IsBidiControl(c);

    /// <summary>
    /// A streaming filter: it keeps its state between calls, so an escape sequence split across two writes is
    /// still recognised and removed whole.
    /// </summary>
    public sealed class Filter(bool allowColor, bool keepLineBreaks)
    {
        private readonly StringBuilder _sequence = new();
        private State _state;

        private enum State
        {
            Text,
            Escape,
            EscapeIntermediate,
            Csi,
            String,
            StringEscape,
        }

        /// <summary>Appends what may be shown of <paramref name="text"/> to <paramref name="output"/>.</summary>
        public void Append(ReadOnlySpan<char> text, StringBuilder output)
        {
            ArgumentNullException.ThrowIfNull(output);
            foreach (var c in text)
            {
                Append(c, output);
            }
        }

        private void Append(char c, StringBuilder output)
        {
            switch (_state)
            {
                case State.Escape:
                    _state = c switch
                    {
                        '[' => State.Csi,
                        ']' or 'P' or 'X' or '^' or '_' => State.String,
                        >= ' ' and <= '/' => State.EscapeIntermediate,
                        _ => State.Text,
                    };
                    if (_state == State.Csi)
                    {
                        _sequence.Append(c);
                    }
                    else if (_state == State.Text && c < ' ')
                    {
                        // Not a sequence after all: the control character is handled as text.
                        Append(c, output);
                    }

                    return;
                case State.EscapeIntermediate:
                    if (c is < ' ' or > '/')
                    {
                        _state = State.Text;
                    }

                    return;
                case State.Csi:
                    if (c is >= '0' and <= '?' or >= ' ' and <= '/')
                    {
                        _sequence.Append(c);
                        return;
                    }

                    _state = State.Text;
                    if (c is >= '@' and <= '~')
                    {
                        if (allowColor && c == 'm' && _sequence.ToString().Skip(2).All(p => char.IsAsciiDigit(p) || p == ';'))
                        {
                            output.Append(_sequence).Append(c);
                        }

                        _sequence.Clear();
                        return;
                    }

                    _sequence.Clear();
                    break;
                case State.String:
                    if (c == '\u0007' || c == '\u009C')
                    {
                        _state = State.Text;
                    }
                    else if (c == '\u001B')
                    {
                        _state = State.StringEscape;
                    }

                    return;
                case State.StringEscape:
                    _state = c == '\\' ? State.Text : State.String;
                    return;
            }

            switch (c)
            {
                case '\u001B':
                    _state = State.Escape;
                    _sequence.Clear().Append(c);
                    return;
                case '\u009B':
                    _state = State.Csi;
                    _sequence.Clear().Append("\u001B[");
                    return;
                case '\u0090' or '\u0098' or '\u009D' or '\u009E' or '\u009F':
                    _state = State.String;
                    return;
                case '\n' or '\t':
                    output.Append(keepLineBreaks ? c : ' ');
                    return;
                case '\r':
                    if (!keepLineBreaks)
                    {
                        output.Append(' ');
                    }

                    return;
            }

            if (!char.IsControl(c) && !IsBidiControl(c))
            {
                output.Append(c);
            }
        }
    }
}
