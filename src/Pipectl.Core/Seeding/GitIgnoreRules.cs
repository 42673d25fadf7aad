namespace Pipectl.Core.Seeding;

/// <summary>
/// The .gitignore files of a folder tree, read as git does for the parts that matter to a first commit:
/// comments, blank lines, <c>!</c> negation, <c>dir/</c> for folders only, anchored patterns (<c>/x</c>,
/// <c>a/b</c>), <c>*</c>, <c>?</c>, <c>[...]</c> and <c>**</c>, and nested .gitignore files whose rules apply
/// below their folder and win over their parents'. The last matching rule decides. A folder that is ignored is
/// not walked, so (as in git) nothing under it can be re-included.
/// </summary>
public sealed class GitIgnoreRules
{
    private readonly List<Rule> _rules = [];

    /// <summary>Adds the lines of the .gitignore in <paramref name="folder"/> ("" for the root, else "a/b").</summary>
    public void Add(string folder, string text)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.EndsWith("\\ ", StringComparison.Ordinal))
            {
                line = line.TrimEnd(' ');
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var negate = line.StartsWith('!');
            if (negate || line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line[1..];
            }

            var directoryOnly = line.EndsWith('/');
            var pattern = line.TrimEnd('/');
            if (pattern.Length == 0)
            {
                continue;
            }

            _rules.Add(new Rule(folder, GlobPattern.Parse(pattern), negate, directoryOnly));
        }
    }

    /// <summary>True when git would ignore <paramref name="path"/> ("/"-separated, relative to the root).</summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ignored = false;
        foreach (var rule in _rules)
        {
            if (rule.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            string relative;
            if (rule.Folder.Length == 0)
            {
                relative = path;
            }
            else if (path.StartsWith(rule.Folder + "/", StringComparison.Ordinal))
            {
                relative = path[(rule.Folder.Length + 1)..];
            }
            else
            {
                continue;
            }

            if (rule.Pattern.IsMatch(relative))
            {
                ignored = !rule.Negate;
            }
        }

        return ignored;
    }

    private sealed record Rule(string Folder, GlobPattern Pattern, bool Negate, bool DirectoryOnly);
}
