using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipectl.Core.Json;

/// <summary>
/// Rewrites a JSON document whose arrays are sets (IAM policies, event patterns) into one canonical string,
/// so two documents that mean the same thing compare equal as strings.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>True when both texts have the same canonical form; text that is not JSON equals nothing.</summary>
    public static bool AreEquivalent(string a, string b, Func<string, string> normalize)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        try
        {
            return string.Equals(normalize(a), normalize(b), StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// URL-decodes (IAM returns documents percent-encoded), then sorts object keys, sorts array elements,
    /// and writes a one-element array as its element. With <paramref name="scalarsAsStrings"/> a boolean or
    /// number is written as the string of its text (IAM compares condition values as strings; event patterns
    /// do not, so they keep the type). <paramref name="rewrite"/> may replace a property's value.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string Normalize(string json, bool scalarsAsStrings, Func<string, JsonElement, string?>? rewrite = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(Decode(json));
        var builder = new StringBuilder();
        new Canonicalizer(scalarsAsStrings, rewrite).Write(builder, document.RootElement, propertyName: null);
        return builder.ToString();
    }

    /// <summary>Percent-decodes a document that AWS returned URL-encoded (it then starts with <c>%7B</c>).</summary>
    public static string Decode(string json)
    {
        var trimmed = json.Trim();
        return trimmed.StartsWith("%7B", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("%5B", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(trimmed)
            : trimmed;
    }

    /// <summary>A JSON string literal, quotes included.</summary>
    public static string Quote(string value) => $"\"{JsonEncodedText.Encode(value, Encoder)}\"";

    private sealed class Canonicalizer(bool scalarsAsStrings, Func<string, JsonElement, string?>? rewrite)
    {
        public void Write(StringBuilder builder, JsonElement element, string? propertyName)
        {
            if (propertyName is not null && rewrite?.Invoke(propertyName, element) is { } replaced)
            {
                builder.Append(replaced);
                return;
            }

            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    builder.Append('{');
                    var first = true;
                    foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        if (!first)
                        {
                            builder.Append(',');
                        }

                        first = false;
                        builder.Append(Quote(property.Name)).Append(':');
                        Write(builder, property.Value, property.Name);
                    }

                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    var items = element.EnumerateArray()
                        .Select(item =>
                        {
                            var itemBuilder = new StringBuilder();
                            Write(itemBuilder, item, propertyName: null);
                            return itemBuilder.ToString();
                        })
                        .Distinct(StringComparer.Ordinal)
                        .Order(StringComparer.Ordinal)
                        .ToList();
                    if (items.Count == 1)
                    {
                        builder.Append(items[0]);
                    }
                    else
                    {
                        builder.Append('[').AppendJoin(',', items).Append(']');
                    }

                    break;
                case JsonValueKind.String:
                    builder.Append(Quote(element.GetString()!));
                    break;
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    builder.Append(scalarsAsStrings ? Quote(element.GetRawText()) : element.GetRawText());
                    break;
                default:
                    builder.Append("null");
                    break;
            }
        }
    }
}
