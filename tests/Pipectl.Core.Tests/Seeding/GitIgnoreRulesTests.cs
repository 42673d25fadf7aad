using Pipectl.Core.Seeding;

namespace Pipectl.Core.Tests.Seeding;

public sealed class GitIgnoreRulesTests
{
    [Theory]
    [InlineData("*.log", "a.log", false, true)]
    [InlineData("*.log", "deep/down/a.log", false, true)]
    [InlineData("*.log", "a.log.txt", false, false)]
    [InlineData("build/", "build", true, true)]
    [InlineData("build/", "build", false, false)]
    [InlineData("build/", "src/build", true, true)]
    [InlineData("/build", "src/build", true, false)]
    [InlineData("/build", "build", false, true)]
    [InlineData("docs/*.md", "docs/a.md", false, true)]
    [InlineData("docs/*.md", "docs/x/a.md", false, false)]
    [InlineData("docs/*.md", "sub/docs/a.md", false, false)]
    [InlineData("**/cache", "a/b/cache", true, true)]
    [InlineData("**/cache", "cache", true, true)]
    [InlineData("out/**", "out/a/b.js", false, true)]
    [InlineData("a/**/z", "a/z", false, true)]
    [InlineData("a/**/z", "a/b/c/z", false, true)]
    [InlineData("file?.txt", "file1.txt", false, true)]
    [InlineData("file?.txt", "file10.txt", false, false)]
    [InlineData("[abc].txt", "b.txt", false, true)]
    [InlineData("[!abc].txt", "b.txt", false, false)]
    [InlineData("\\#notes", "#notes", false, true)]
    [InlineData("# a comment", "# a comment", false, false)]
    public void A_pattern_matches_as_git_matches_it(string pattern, string path, bool isDirectory, bool ignored)
    {
        var rules = new GitIgnoreRules();
        rules.Add(string.Empty, pattern);

        Assert.Equal(ignored, rules.IsIgnored(path, isDirectory));
    }

    [Fact]
    public void The_last_match_wins_and_a_nested_file_applies_only_below_its_folder()
    {
        var rules = new GitIgnoreRules();
        rules.Add(string.Empty, "*.txt\n!keep.txt\n");
        rules.Add("sub", "keep.txt\n/local.md\n");

        Assert.True(rules.IsIgnored("a.txt", false));
        Assert.False(rules.IsIgnored("keep.txt", false));
        Assert.True(rules.IsIgnored("sub/keep.txt", false));
        Assert.True(rules.IsIgnored("sub/local.md", false));
        Assert.False(rules.IsIgnored("local.md", false));
        Assert.False(rules.IsIgnored("sub/deeper/local.md", false));
    }
}
