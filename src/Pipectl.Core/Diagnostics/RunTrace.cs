using System.Diagnostics;

namespace Pipectl.Core.Diagnostics;

/// <summary>
/// With <c>PIPECTL_TRACE=1</c>, one line on stderr per request attempt (when it was sent and answered, in
/// milliseconds since the process started) and per milestone of a run, to see where the time of a run goes
/// (issue 17). Off by default: then nothing is timed or written.
/// </summary>
public static class RunTrace
{
    public const string EnvironmentVariable = "PIPECTL_TRACE";

    private static readonly Lock Gate = new();
    private static readonly DateTime Started = ProcessStart();

    /// <summary>True when <c>PIPECTL_TRACE</c> is set to anything but empty or 0.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value && value != "0";

    /// <summary>Milliseconds since the process started.</summary>
    public static double Now => (DateTime.UtcNow - Started).TotalMilliseconds;

    /// <summary>Writes one line at the current time, when tracing is on.</summary>
    public static void Mark(string what)
    {
        if (Enabled)
        {
            Write(Now, what);
        }
    }

    /// <summary>Writes one request attempt: sent at <paramref name="sent"/>, answered now.</summary>
    public static void Request(string operation, double sent, string result)
    {
        if (Enabled)
        {
            var now = Now;
            Write(now, $"{operation,-28} sent {sent,7:F1}  {now - sent,6:F1} ms  {result}");
        }
    }

    private static void Write(double at, string what)
    {
        lock (Gate)
        {
            Console.Error.WriteLine($"pipectl trace {at,7:F1} ms  {what}");
        }
    }

    private static DateTime ProcessStart()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            return self.StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return DateTime.UtcNow;
        }
    }
}
