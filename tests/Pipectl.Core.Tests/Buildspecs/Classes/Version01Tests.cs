using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>Version 0.1's <c>environment_variables: plaintext:</c>, which CodeBuild still runs.</summary>
public sealed class Version01Tests
{
    private const string Build = "phases:\n  build:\n    commands:\n      - make\n";

    [Fact]
    public void Environment_variables_with_plaintext_under_version_0_1_is_clean()
    {
        const string text = "version: 0.1\nenvironment_variables:\n  plaintext:\n    JAVA_HOME: /usr/lib/jvm/java-8\n    STAGE: test\n" + Build + "artifacts:\n  files:\n    - target/app.jar\n  discard-paths: yes\n";

        Assert.Empty(BuildspecValidator.ValidateWithWarnings("b.yml", text));
    }

    [Fact]
    public void Environment_variables_under_version_0_2_is_a_warning_pointing_to_env()
    {
        var warning = Assert.Single(BuildspecValidator.ValidateWithWarnings("b.yml", "version: 0.2\nenvironment_variables:\n  plaintext:\n    A: b\n" + Build));

        Assert.False(warning.IsError);
        Assert.Equal((2, 1), (warning.Line, warning.Column));
        Assert.Contains("env: variables:", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plaintext_value_that_is_a_list_is_an_error()
    {
        var error = Assert.Single(BuildspecValidator.Validate("b.yml", "version: 0.1\nenvironment_variables:\n  plaintext:\n    A: [1, 2]\n" + Build));

        Assert.Equal((4, 8), (error.Line, error.Column));
        Assert.Contains("environment_variables.plaintext.A must be a single value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plaintext_variable_named_codebuild_is_an_error()
    {
        var error = Assert.Single(BuildspecValidator.Validate("b.yml", "version: 0.1\nenvironment_variables:\n  plaintext:\n    CODEBUILD_X: y\n" + Build));

        Assert.Contains("starts with CODEBUILD_", error.Message, StringComparison.Ordinal);
    }
}
