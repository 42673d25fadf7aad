using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>CodeBuild logs "The following keys cannot be identified" for an unknown key and runs the build: a warning with a suggestion.</summary>
public sealed class UnknownKeyWarningTests
{
    private const string Build = "phases:\n  build:\n    commands:\n      - make\n";

    [Theory]
    [InlineData("version: 0.2\n" + Build + "artifact:\n  files: x\n", 6, 1, "did you mean 'artifacts'?")]
    [InlineData("version: 0.2\nphases:\n  build:\n    env:\n      A: b\n    commands:\n      - make\n", 4, 5, "unknown key 'env' in phases.build")]
    [InlineData("version: 0.2\n" + Build + "cache:\n  paths:\n    - x\n  type: S3\n", 9, 3, "unknown key 'type' in cache")]
    [InlineData("version: 0.2\nproxy:\n  log: yes\n" + Build, 3, 3, "did you mean 'logs'?")]
    [InlineData("version: 0.2\n" + Build + "reports:\n  unit:\n    files:\n      - r.xml\n    format: JUNITXML\n", 10, 5, "unknown key 'format' in reports.unit")]
    [InlineData("version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n      buildspec: a.yml\n      compute: small\n" + Build, 6, 7, "unknown key 'compute'")]
    public void An_unknown_key_is_a_warning_at_the_key(string text, int line, int column, string message)
    {
        var diagnostics = BuildspecValidator.ValidateWithWarnings("b.yml", text);

        var warning = Assert.Single(diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal((line, column), (warning.Line, warning.Column));
        Assert.Contains(message, warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("it is ignored", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_key_with_a_wrong_value_is_still_an_error()
    {
        Judged.SingleError("version: 0.2\nproxy:\n  logs: sometimes\n" + Build).Says("proxy.logs must be yes or no");
    }
}
