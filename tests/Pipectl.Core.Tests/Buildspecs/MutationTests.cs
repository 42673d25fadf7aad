using System.Diagnostics;
using Pipectl.Core.Buildspecs;
using Pipectl.Core.StackFiles;

namespace Pipectl.Core.Tests.Buildspecs;

/// <summary>
/// Mechanically broken copies of the project's own buildspecs and stack files (samples/, buildspecs/, the
/// corpus), made with a fixed seed so a failure replays: no input may make the validator throw, and every
/// diagnostic has a position inside the file.
/// </summary>
public sealed class MutationTests
{
    private const int Seed = 1313;
    private const int MutationsPerFile = 125;

    /// <summary>Characters and snippets that mean something to YAML.</summary>
    private static readonly string[] Insertions =
        ["[", "]", "{", "}", ":", ": ", "- ", "*", "**/*", "&a ", "*a", "<<: *a", "!", "|", ">", "'", "\"", "#", "\t", "\n", " ", "  ", ",", "?", "%", "@", "`", "...\n", "---\n", "~", "\\", "\u00e9", "\u0000", "\r"];

    public static IEnumerable<string> Sources()
    {
        foreach (var folder in new[] { "samples", "buildspecs", "tests/Pipectl.Core.Tests/Buildspecs/Corpus" })
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf(folder), "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    [Fact]
    public void No_mutation_of_the_projects_yaml_files_makes_the_validators_throw()
    {
        var random = new Random(Seed);
        var sources = Sources().ToList();
        var tried = 0;
        var withErrors = 0;
        var stopwatch = Stopwatch.StartNew();
        foreach (var source in sources)
        {
            var original = File.ReadAllText(source);
            var isStackFile = Path.GetFileName(source).StartsWith("pipectl", StringComparison.Ordinal);
            for (var i = 0; i < MutationsPerFile; i++)
            {
                var mutated = Mutate(original, random);
                IReadOnlyList<Pipectl.Core.Validation.Diagnostic> diagnostics;
                try
                {
                    diagnostics = isStackFile ? StackFileParser.Parse("m.yaml", mutated).Errors : BuildspecValidator.ValidateWithWarnings("m.yml", mutated);
                }
                catch (Exception e)
                {
                    Assert.Fail($"{Path.GetFileName(source)} mutation {i} (seed {Seed}) threw {e.GetType().Name}: {e.Message}\n--- input ---\n{mutated}");
                    throw;
                }

                var lines = mutated.Split('\n').Length + 1;
                Assert.All(diagnostics, d => Assert.InRange(d.Line, 1, lines));
                Assert.All(diagnostics, d => Assert.True(d.Column >= 1, d.ToString()));
                withErrors += diagnostics.Any(d => d.IsError) ? 1 : 0;
                tried++;
            }
        }

        Assert.True(tried >= 3_000, $"only {tried} mutations");

        // The mutations must actually break files, or the test proves nothing.
        Assert.True(withErrors > tried / 4, $"{withErrors} of {tried} mutations had an error");
    }

    private static string Mutate(string text, Random random)
    {
        var steps = random.Next(1, 4);
        for (var s = 0; s < steps && text.Length > 0; s++)
        {
            var at = random.Next(text.Length);
            text = random.Next(7) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, Insertions[random.Next(Insertions.Length)]),
                2 => SwapLines(text, random),
                3 => Reindent(text, random),
                4 => text[..at],
                5 => DuplicateLine(text, random),
                _ => text.Insert(LineStart(text, at), Insertions[random.Next(Insertions.Length)]),
            };
        }

        return text;
    }

    private static int LineStart(string text, int at) => text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;

    private static string SwapLines(string text, Random random)
    {
        var lines = text.Split('\n');
        var a = random.Next(lines.Length);
        var b = random.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private static string Reindent(string text, Random random)
    {
        var lines = text.Split('\n');
        var i = random.Next(lines.Length);
        lines[i] = new string(' ', random.Next(0, 9)) + lines[i].TrimStart(' ');
        return string.Join('\n', lines);
    }

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var i = random.Next(lines.Count);
        lines.Insert(i, lines[i]);
        return string.Join('\n', lines);
    }
}
