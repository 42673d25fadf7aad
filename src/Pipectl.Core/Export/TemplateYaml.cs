using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipectl.Core.Export;

/// <summary>
/// Writes a template (a JSON tree) as YAML: block mappings and sequences, plain scalars where YAML reads them
/// back as the same string, double-quoted (JSON escapes, which YAML shares) otherwise, and multi-line text
/// (an inline buildspec) as a literal block. Intrinsic functions stay in their long form (<c>Fn::Sub:</c>), so
/// no YAML tags are needed and the JSON and YAML outputs are the same document.
/// </summary>
public static partial class TemplateYaml
{
    private const int Indent = 2;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    };

    public static string Write(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var builder = new StringBuilder();
        WriteBlock(builder, template, 0);
        return builder.ToString();
    }

    /// <summary>The template as indented JSON.</summary>
    public static string WriteJson(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            template.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteBlock(StringBuilder builder, JsonNode node, int indent)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    builder.Append(' ', indent).Append(Scalar(key));
                    WriteValue(builder, value!, indent, ":");
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    builder.Append(' ', indent).Append('-');
                    if (item is JsonObject { Count: > 0 } itemObject)
                    {
                        // "- Key: value" with the rest of the mapping aligned under the first key.
                        var nested = new StringBuilder();
                        WriteBlock(nested, itemObject, indent + Indent);
                        builder.Append(' ').Append(nested.ToString(indent + Indent, nested.Length - indent - Indent));
                    }
                    else
                    {
                        WriteValue(builder, item!, indent, string.Empty);
                    }
                }

                break;
            default:
                throw new ArgumentException("A YAML document written here is a mapping or a sequence.", nameof(node));
        }
    }

    /// <summary>Writes what follows a key (<paramref name="separator"/> ":") or a dash: an inline scalar or a nested block.</summary>
    private static void WriteValue(StringBuilder builder, JsonNode value, int indent, string separator)
    {
        builder.Append(separator);
        switch (value)
        {
            case JsonObject { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                builder.Append(" []\n");
                break;
            case JsonObject or JsonArray:
                builder.Append('\n');
                WriteBlock(builder, value, indent + Indent);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text) && IsBlockText(text):
                WriteLiteral(builder, text, indent + Indent);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                builder.Append(' ').Append(Scalar(text)).Append('\n');
                break;
            case JsonValue v:
                // Numbers and booleans: their JSON text is the same YAML scalar.
                builder.Append(' ').Append(v.ToJsonString()).Append('\n');
                break;
            default:
                throw new ArgumentException("A template has no null values.", nameof(value));
        }
    }

    /// <summary>A literal block (<c>|</c>), with the chomping indicator that keeps the text's trailing line breaks exactly.</summary>
    private static void WriteLiteral(StringBuilder builder, string text, int indent)
    {
        var trailing = text.Length - text.TrimEnd('\n').Length;
        var chomping = trailing switch { 0 => "-", 1 => string.Empty, _ => "+" };
        builder.Append(" |").Append(chomping).Append('\n');
        var lines = text.TrimEnd('\n').Split('\n');
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                builder.Append(' ', indent).Append(line);
            }

            builder.Append('\n');
        }

        for (var i = 1; i < trailing; i++)
        {
            builder.Append('\n');
        }
    }

    /// <summary>
    /// Multi-line text that a literal block keeps exactly: its first line starts the block (not blank, no leading
    /// space, which YAML would take as the block's indentation), and no line ends in a space or holds a control character.
    /// </summary>
    private static bool IsBlockText(string text) =>
        !text.StartsWith(' ') && !text.StartsWith('\n') && text.Contains('\n', StringComparison.Ordinal) && !text.Any(c => char.IsControl(c) && c != '\n') && !text.Contains(" \n", StringComparison.Ordinal)
        && text.TrimEnd('\n').Length > 0 && !text.TrimEnd('\n').EndsWith(' ');

    private static string Scalar(string text) =>
        PlainPattern().IsMatch(text) && !Reserved.Contains(text) && !LooksNumeric(text)
            ? text
            : $"\"{JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";

    private static bool LooksNumeric(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text.StartsWith('.') || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    /// <summary>Text YAML reads back as the same string: a letter, '_', '/' or '(' first (a digit may read as a number or date), no ": " or " #", no colon or space last.</summary>
    [GeneratedRegex(@"^[A-Za-z_/(][A-Za-z0-9_./()@+=,:-]*(?<![:])$|^[A-Za-z_/(][A-Za-z0-9 _./()@+=,-]*[A-Za-z0-9_./()@+=,-]$")]
    private static partial Regex PlainPattern();
}
