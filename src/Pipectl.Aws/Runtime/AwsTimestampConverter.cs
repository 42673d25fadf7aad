using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// JSON 1.1 timestamps are epoch seconds (numbers, possibly fractional); some emulators send strings
/// (ISO 8601 or a number in a string). Reads all three; writes epoch seconds as AWS expects.
/// </summary>
public sealed class AwsTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return FromEpochSeconds(reader.GetDouble());
        }

        var text = reader.GetString() ?? throw new JsonException("A timestamp is null.");
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromEpochSeconds(seconds);
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);

    private static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
}
