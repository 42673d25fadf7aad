using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>
/// Every item of a list commented out leaves the key empty (null) or an empty list: CodeBuild runs such a
/// buildspec, so it is a warning at the key, never an error.
/// </summary>
public sealed class EmptyCommandsTests
{
    [Theory]
    [InlineData("    commands:\n      # - npm ci\n", "phases.install.commands is empty")]
    [InlineData("    commands: []\n", "phases.install.commands is empty")]
    [InlineData("    commands: ~\n", "phases.install.commands is empty")]
    public void Empty_commands_are_a_warning(string install, string message)
    {
        var text = "version: 0.2\nphases:\n  install:\n" + install + "  build:\n    commands:\n      - make\n";

        Judged.SingleWarning(text).At(4, 5, message);
    }

    [Fact]
    public void A_phase_with_every_line_commented_out_is_a_warning()
    {
        const string text = "version: 0.2\nphases:\n  pre_build:\n    # commands:\n    #   - npm ci\n  build:\n    commands:\n      - make\n";

        Judged.SingleWarning(text).Says("phases.pre_build is empty");
    }

    [Fact]
    public void Null_cache_paths_is_a_warning()
    {
        const string text = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\ncache:\n  paths:\n    # - /root/.npm/**/*\n";

        Judged.SingleWarning(text).At(7, 3, "cache.paths is empty");
    }

    [Fact]
    public void A_commented_out_section_is_a_warning()
    {
        const string text = "version: 0.2\nenv:\n  # variables:\n  #   A: b\nphases:\n  build:\n    commands:\n      - make\n";

        Judged.SingleWarning(text).Says("env is empty");
    }

    [Fact]
    public void A_command_that_is_a_mapping_stays_an_error()
    {
        const string text = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo Result: ok\n";

        var error = Judged.SingleError(text);

        Assert.Equal((5, 9), (error.Line, error.Column));
    }
}
