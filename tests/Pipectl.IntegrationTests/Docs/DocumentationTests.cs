using System.Text.RegularExpressions;
using Pipectl.Cli.Hosting;
using Pipectl.IntegrationTests.Authoring;
using Xunit;

namespace Pipectl.IntegrationTests.Docs;

/// <summary>
/// Checks of the README and docs/ that need no emulator: the README stays one page, its verb table lists every verb
/// the CLI defines, and every relative link (and its #anchor) leads somewhere.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryRoot.Of("README.md"));

    [Fact]
    public void ReadmeIsOnePageUnder250Lines()
    {
        var lines = Readme.Split('\n').Length - (Readme.EndsWith('\n') ? 1 : 0);
        Assert.True(lines < 250, $"README.md has {lines} lines; keep it under 250 and move detail into docs/");
    }

    [Fact]
    public void ReadmeVerbTableListsEveryVerbTheCliDefines()
    {
        var root = CliApp.BuildRoot(new GlobalOptions(), CliConsole.Captured(TextWriter.Null, TextWriter.Null));
        var verbs = root.Subcommands.Select(c => c.Name).ToList();
        Assert.Contains("plan", verbs);
        Assert.Contains("export", verbs);

        var table = Readme[Readme.IndexOf("\n## Verbs", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var listed = VerbCell().Matches(table).SelectMany(m => CodeSpan().Matches(m.Groups[1].Value).Select(c => c.Groups[1].Value)).ToHashSet();

        var missing = verbs.Where(v => !listed.Contains(v)).ToList();
        Assert.True(missing.Count == 0, $"README.md's verb table misses: {string.Join(", ", missing)}");
        var unknown = listed.Where(v => !verbs.Contains(v)).ToList();
        Assert.True(unknown.Count == 0, $"README.md's verb table lists verbs the CLI does not define: {string.Join(", ", unknown)}");
    }

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var page in Directory.GetFiles(RepositoryRoot.Of("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, page).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryRelativeLinkResolves(string page)
    {
        var path = RepositoryRoot.Of(page);
        var text = WithoutCodeBlocks(File.ReadAllText(path));
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups[1].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target} (no such file)");
                continue;
            }

            if (anchor is not null && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
            {
                broken.Add($"{target} (no heading with that anchor)");
            }
        }

        Assert.True(broken.Count == 0, $"{page}: {string.Join("; ", broken)}");
    }

    [Fact]
    public void TheLinkCheckFindsABrokenLinkAndAMissingAnchor()
    {
        // The check above must be able to fail: a page with a missing file and a missing anchor is caught.
        var text = "see [a](nowhere.md) and [b](#not-a-heading)\n# Real heading\n";
        Assert.Equal(2, MarkdownLink().Matches(text).Count);
        Assert.DoesNotContain("not-a-heading", Anchors(text));
        Assert.Contains("real-heading", Anchors(text));
        Assert.Contains("an-https-website-through-cloudfront---site-cloudfront", Anchors("## An HTTPS website through CloudFront (`--site cloudfront`)"));
    }

    private static string WithoutCodeBlocks(string text) => CodeBlock().Replace(text, string.Empty);

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation but '-' and '_' dropped, spaces as '-'.</summary>
    private static HashSet<string> Anchors(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutCodeBlocks(text)))
        {
            var slug = new string(heading.Groups[1].Value.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Replace(' ', '-');
            anchors.Add(slug);
        }

        return anchors;
    }

    [GeneratedRegex(@"^\|\s*([^|]+?)\s*\|", RegexOptions.Multiline)]
    private static partial Regex VerbCell();

    [GeneratedRegex(@"`([a-z][a-z-]*)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
