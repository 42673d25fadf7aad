using System.Text.RegularExpressions;
using Pipectl.Core.Tests.Buildspecs;

namespace Pipectl.Core.Tests.Layering;

/// <summary>
/// The layers of docs/development.md, checked on the sources: Core holds no AWS types, and the CLI (parsing, prompts,
/// rendering) reaches AWS only through Pipectl.Aws, never through the SDK's own types.
/// </summary>
public sealed partial class LayeringTests
{
    [GeneratedRegex(@"\bAmazon\.[A-Z][A-Za-z]*", RegexOptions.CultureInvariant)]
    private static partial Regex SdkType();

    [GeneratedRegex(@"\b(Amazon\.[A-Z]|Pipectl\.Aws\b)", RegexOptions.CultureInvariant)]
    private static partial Regex AwsLayer();

    private static IEnumerable<(string File, int Line, string Text)> Matches(string project, Regex pattern) =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf(Path.Combine("src", project)), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (File: Path.GetRelativePath(RepositoryFiles.Root, f), Line: i + 1, Text: text.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(l.Text));

    [Fact]
    public void The_CLI_uses_no_type_of_the_AWS_SDK()
    {
        Assert.Empty(Matches("Pipectl.Cli", SdkType()).Select(m => $"{m.File}:{m.Line}: {m.Text}"));
    }

    [Fact]
    public void Core_uses_neither_the_AWS_SDK_nor_Pipectl_Aws()
    {
        Assert.Empty(Matches("Pipectl.Core", AwsLayer()).Select(m => $"{m.File}:{m.Line}: {m.Text}"));
    }

    /// <summary>
    /// The stack verbs (plan, bootstrap, the create verbs, teardown) parse, ask and render: the engine in Core decides,
    /// and the AWS session is opened for it by the composition in Hosting (GlobalSettings.OpenStackBackend).
    /// </summary>
    [Fact]
    public void The_stack_verbs_reach_AWS_only_through_the_engine()
    {
        Assert.Empty(Matches(Path.Combine("Pipectl.Cli", "Stacks"), AwsLayer()).Select(m => $"{m.File}:{m.Line}: {m.Text}"));
        Assert.Empty(Matches(Path.Combine("Pipectl.Cli", "Output"), new Regex(@"\bPipectl\.Aws\.(Runtime|Session|Provisioning|Operations|Ssm)\b")).Select(m => $"{m.File}:{m.Line}: {m.Text}"));
    }

    [Fact]
    public void The_check_sees_an_SDK_type_where_there_is_one()
    {
        Assert.NotEmpty(Matches("Pipectl.Aws", SdkType()));
    }
}
