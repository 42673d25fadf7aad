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
        Judged.SingleWarning("version: 0.2\nenvironment_variables:\n  plaintext:\n    A: b\n" + Build).At(2, 1, "env: variables:");
    }

    [Fact]
    public void A_plaintext_value_that_is_a_list_is_an_error()
    {
        Judged.SingleError("version: 0.1\nenvironment_variables:\n  plaintext:\n    A: [1, 2]\n" + Build).At(4, 8, "environment_variables.plaintext.A must be a single value");
    }

    [Fact]
    public void A_plaintext_variable_named_codebuild_is_an_error()
    {
        Judged.SingleError("version: 0.1\nenvironment_variables:\n  plaintext:\n    CODEBUILD_X: y\n" + Build).Says("starts with CODEBUILD_");
    }
}
