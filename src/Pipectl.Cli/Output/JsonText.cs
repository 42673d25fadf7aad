using System.Text;
using System.Text.Json;

namespace Pipectl.Cli.Output;

/// <summary>Writes one indented JSON document with Utf8JsonWriter (no reflection, AOT-safe).</summary>
public static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        // The writer escapes C0, DEL and C1 controls but not the bidi overrides and isolates that reorder what a
        // terminal shows; they can only stand inside string literals, so escaping them in the text is exact.
        var json = Encoding.UTF8.GetString(buffer.ToArray());
        return json.Any(TerminalText.IsBidiControl)
            ? string.Concat(json.Select(c => TerminalText.IsBidiControl(c) ? $"\\u{(int)c:X4}" : c.ToString()))
            : json;
    }
}
