using System.CommandLine.Parsing;
using System.Globalization;

namespace Pipectl.Cli.Hosting;

/// <summary>
/// Parses durations such as 90, 90s, 10m, 1h or 1h30m (a plain number is seconds), within a range: a value
/// outside it (1e9, 99999h, 999999999999, inf) is a usage error, never an overflow.
/// </summary>
public static class Durations
{
    /// <summary>The longest --timeout: a week covers a pipeline that waits days for an approval.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(7);

    /// <summary>The longest --poll-interval.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromHours(1);

    public static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParse(text, out var value) && value >= TimeSpan.FromSeconds(1) && value <= MaxTimeout)
        {
            return value;
        }

        result.AddError($"--timeout \"{Visible(text)}\": expected a duration from 1s to {Describe(MaxTimeout)}, such as 90, 90s, 10m or 1h");
        return null;
    }

    /// <summary>A duration of at most <see cref="MaxPollInterval"/> (zero allowed), or the default after reporting the error.</summary>
    public static TimeSpan ParsePollInterval(ArgumentResult result, TimeSpan fallback)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParse(text, out var value) && value >= TimeSpan.Zero && value <= MaxPollInterval)
        {
            return value;
        }

        result.AddError($"--poll-interval \"{Visible(text)}\": expected a duration from 0 to {Describe(MaxPollInterval)}, such as 5, 5s or 1m");
        return fallback;
    }

    /// <summary>
    /// Digits with an optional decimal point, optionally followed by h, m or s, repeated (1h30m). No exponent,
    /// sign, infinity or NaN; anything beyond a year is refused here, before a TimeSpan could overflow.
    /// </summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text.Trim().ToLowerInvariant();
        if (text.Length == 0 || text.Length > 32)
        {
            return false;
        }

        var seconds = 0.0;
        var number = string.Empty;
        foreach (var c in text + (char.IsDigit(text[^1]) || text[^1] == '.' ? "s" : string.Empty))
        {
            if (char.IsAsciiDigit(c) || c == '.')
            {
                number += c;
                continue;
            }

            var unit = c switch { 'h' => 3600.0, 'm' => 60.0, 's' => 1.0, _ => 0.0 };
            if (unit == 0 || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            seconds += amount * unit;
            number = string.Empty;
        }

        if (number.Length > 0 || double.IsNaN(seconds) || seconds > TimeSpan.FromDays(366).TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static string Describe(TimeSpan limit) => limit.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalHours:0}h ({limit.TotalDays:0} days)")
        : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalMinutes:0}m");

    private static string Visible(string text) => Core.Validation.SafeFragment.Visible(text.Length > 40 ? text[..40] : text);
}
