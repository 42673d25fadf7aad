using System.Text;
using System.Text.RegularExpressions;

namespace Pipectl.Core.Seeding;

/// <summary>
/// A gitignore-style glob as a regular expression over "/"-separated relative paths: <c>*</c> and <c>?</c> stay
/// within one path part, <c>[a-z]</c> and <c>[!a-z]</c> are classes, <c>**/</c>, <c>/**/</c> and <c>/**</c> span
/// folders. A pattern without a slash matches a name at any depth; one with a slash is anchored at its base.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    private GlobPattern(Regex regex) => _regex = regex;

    /// <summary>The pattern as gitignore reads it (a leading or inner "/" anchors it; a trailing "/" is the caller's).</summary>
    public static GlobPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var anchored = pattern.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        var body = pattern.TrimStart('/');
        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                var atStart = i == 0 || body[i - 1] == '/';
                var slashAfter = i + 2 < body.Length && body[i + 2] == '/';
                if (atStart && slashAfter)
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i += 1;
                }

                continue;
            }

            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\' when i + 1 < body.Length:
                    regex.Append(Regex.Escape(body[++i].ToString()));
                    break;
                case '[' when body.IndexOf(']', i + 1) is var end and > 0:
                    var set = body[(i + 1)..end];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Escape(set[1..]) : Escape(set)).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append("\\z");
        return new GlobPattern(new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    /// <summary>True when the "/"-separated <paramref name="relativePath"/> matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    private static string Escape(string set) => set.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
