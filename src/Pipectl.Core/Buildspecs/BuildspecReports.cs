using Pipectl.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Pipectl.Core.Buildspecs;

/// <summary>
/// The report groups a buildspec's <c>reports:</c> section declares, each with the report type its
/// <c>file-format</c> makes (CodeBuild's default format is JUNITXML, a test report). Read from a buildspec
/// <see cref="BuildspecValidator"/> accepted; anything it would refuse yields no report.
/// </summary>
public static class BuildspecReports
{
    /// <summary>CodeBuild's report type of test results (JUnit, Cucumber, TestNG, NUnit, TRX).</summary>
    public const string TestType = "TEST";

    /// <summary>CodeBuild's report type of code coverage (Clover, Cobertura, JaCoCo, SimpleCov).</summary>
    public const string CoverageType = "CODE_COVERAGE";

    private static readonly string[] CoverageFormats = ["CLOVERXML", "COBERTURAXML", "JACOCOXML", "SIMPLECOV"];

    /// <summary>
    /// The declared reports in the buildspec's order. An entry whose body is not a mapping collects nothing and is left
    /// out; an empty name is kept, so that the rules refuse it instead of dropping it silently.
    /// </summary>
    public static IReadOnlyList<BuildspecReport> Read(string? buildspec)
    {
        if (string.IsNullOrWhiteSpace(buildspec))
        {
            return [];
        }

        var root = YamlText.Load("buildspec", buildspec, new List<Diagnostic>()) as YamlMappingNode;
        if (root?.Children.TryGetValue(new YamlScalarNode("reports"), out var node) != true || node is not YamlMappingNode reports)
        {
            return [];
        }

        var found = new List<BuildspecReport>();
        foreach (var (key, value) in reports.Children)
        {
            if (key is YamlScalarNode { Value: "" })
            {
                found.Add(new BuildspecReport(string.Empty, TestType));
                continue;
            }

            if (key is not YamlScalarNode { Value: { } name } || value is not YamlMappingNode report)
            {
                continue;
            }

            var format = report.Children.TryGetValue(new YamlScalarNode("file-format"), out var formatNode) && formatNode is YamlScalarNode { Value: { } text }
                ? text.ToUpperInvariant()
                : "JUNITXML";
            found.Add(new BuildspecReport(name, CoverageFormats.Contains(format) ? CoverageType : TestType));
        }

        return found;
    }
}
