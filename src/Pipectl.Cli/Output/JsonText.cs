using System.Text;
using System.Text.Json;

namespace Pipectl.Cli.Output;

/// <summary>Writes one indented JSON document with Utf8JsonWriter (no reflection, AOT-safe).</summary>
public static class JsonText
{
    /// <summary>
    /// Every time a JSON document carries, in one form: ISO 8601 in UTC with milliseconds, <c>2026-12-07T03:04:05.123Z</c>
    /// (docs/CONTRACT.md), whatever the offset AWS or the machine gave it.
    /// </summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

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
