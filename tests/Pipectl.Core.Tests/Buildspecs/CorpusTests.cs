using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs;

/// <summary>
/// Buildspecs written after the patterns of AWS's documentation and common public projects (Java, Python,
/// Docker for ECS, SAM, Terraform, React, Go, .NET on Windows, batch graphs and matrices, version 0.1, merge
/// keys, finally blocks, CDK, local cache keys, PHP, Rust, multi-line commands). CodeBuild runs every one,
/// so none may have an error.
/// </summary>
public sealed class CorpusTests
{
    private const string Folder = "tests/Pipectl.Core.Tests/Buildspecs/Corpus";

    /// <summary>The files that are meant to draw a warning, and the warning.</summary>
    private static readonly Dictionary<string, string> ExpectedWarnings = new(StringComparer.Ordinal)
    {
        ["commented-out.yml"] = "is empty",
        ["merge-keys.yml"] = "unknown key 'x-retry'",
    };

    public static TheoryData<string> Files() =>
        [.. Directory.EnumerateFiles(RepositoryFiles.PathOf(Folder), "*.yml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_corpus_buildspec_has_no_error(string name)
    {
        var diagnostics = BuildspecValidator.ValidateWithWarnings(name, RepositoryFiles.Read($"{Folder}/{name}"));

        Assert.DoesNotContain(diagnostics, d => d.IsError);
        if (ExpectedWarnings.TryGetValue(name, out var warning))
        {
            Assert.All(diagnostics, d => Assert.Contains(warning, d.Message, StringComparison.Ordinal));
            Assert.NotEmpty(diagnostics);
        }
        else
        {
            Assert.Empty(diagnostics);
        }
    }

    [Fact]
    public void The_corpus_is_there()
    {
        Assert.True(Files().Count >= 19, $"{Files().Count} corpus files");
    }
}
