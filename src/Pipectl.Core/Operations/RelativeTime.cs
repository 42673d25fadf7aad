using System.Globalization;

namespace Pipectl.Core.Operations;

/// <summary>How long ago something happened, the way a person reads it in a table: "42s ago", "5m ago", "3h ago", "2d ago".</summary>
public static class RelativeTime
{
    /// <summary>"-" for no time; "just now" under a second (or a little in the future: clock skew).</summary>
    public static string Format(DateTimeOffset? when, DateTimeOffset now)
    {
        if (when is not { } time)
        {
            return "-";
        }

        var age = now - time;
        if (age < TimeSpan.FromSeconds(1))
        {
            return "just now";
        }

        var (amount, unit) = age switch
        {
            _ when age < TimeSpan.FromMinutes(1) => (age.TotalSeconds, "s"),
            _ when age < TimeSpan.FromHours(1) => (age.TotalMinutes, "m"),
            _ when age < TimeSpan.FromDays(1) => (age.TotalHours, "h"),
            _ => (age.TotalDays, "d"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(amount):0}{unit} ago");
    }
}
