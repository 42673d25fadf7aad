namespace Pipectl.Cli.Operate;

/// <summary>
/// A build log line made safe to echo: one line, control characters (terminal escapes) replaced by '?'.
/// Kept tiny on purpose: when the shared sanitizer of Cli/Output lands, this delegates to it.
/// </summary>
internal static class LogText
{
    public static string Clean(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var text = message.TrimEnd('\n', '\r');
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] == '\t' || !char.IsControl(source[i]) ? source[i] : '?';
            }
        });
    }
}
