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

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
