using System.CommandLine.Parsing;
using System.Globalization;

namespace Pipectl.Cli.Hosting;

/// <summary>Parses durations such as 90, 90s, 10m, 1h or 1h30m (a plain number is seconds).</summary>
public static class Durations
{
    public static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"--timeout \"{text}\": expected a positive duration such as 90, 90s, 10m or 1h");
        return null;
    }

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text.Trim().ToLowerInvariant();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            value = TimeSpan.FromSeconds(plain);
            return true;
        }

        var number = string.Empty;
        var any = false;
        foreach (var c in text)
        {
            if (char.IsDigit(c) || c == '.')
            {
                number += c;
                continue;
            }

            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            value += c switch
            {
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                's' => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.MinValue,
            };
            if (value < TimeSpan.Zero)
            {
                return false;
            }

            number = string.Empty;
            any = true;
        }

        return any && number.Length == 0;
    }
}
