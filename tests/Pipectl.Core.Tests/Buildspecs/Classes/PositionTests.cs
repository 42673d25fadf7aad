using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>Each error is reported where a person has to fix it.</summary>
public sealed class PositionTests
{
    [Fact]
    public void A_tab_inside_a_block_scalar_is_legal()
    {
        const string text = "version: 0.2\nphases:\n  build:\n    commands:\n      - |\n        if true; then\n        \techo tabbed\n        fi\n";

        Assert.Empty(BuildspecValidator.ValidateWithWarnings("b.yml", text));
    }

    [Fact]
    public void A_tab_in_the_indentation_is_reported_at_its_own_line_not_at_an_earlier_tab_in_a_block_scalar()
    {
        const string text = "version: 0.2\nphases:\n  build:\n    commands:\n      - |\n        if true; then\n        \techo tabbed\n        fi\n  post_build:\n\tcommands:\n      - y\n";

        Judged.SingleError(text).At(10, 1, "a tab in the indentation");
    }

    [Theory]
    [InlineData("- **/*", "**/*")]
    [InlineData("- *.zip", "*.zip")]
    [InlineData("- */dist/*", "*/dist/*")]
    public void An_unquoted_glob_is_reported_at_its_line_with_a_hint_to_quote_it(string item, string glob)
    {
        var text = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\nartifacts:\n  files:\n    " + item + "\n";

        var error = Judged.SingleError(text);

        error.At(8, 7, $"a file pattern must be quoted: '{glob}'");
        Assert.DoesNotContain("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_reached_through_an_alias_points_at_the_alias()
    {
        const string text = "version: 0.2\ncommon: &common\n  logs: sometimes\nphases:\n  build:\n    commands:\n      - make\nproxy: *common\n";

        Judged.SingleError(text).At(8, 8, "proxy.logs must be yes or no");
    }

    [Fact]
    public void Two_uses_of_one_anchor_report_each_use()
    {
        const string text = "version: 0.2\nbad: &bad\n  commands:\n    - {a: b}\nphases:\n  build: *bad\n  post_build: *bad\n";

        var errors = BuildspecValidator.Validate("b.yml", text);

        Assert.Equal([6, 7], errors.Select(e => e.Line));
    }

    [Fact]
    public void A_tab_on_the_second_line_is_reported_there()
    {
        var error = Judged.SingleError("version: 0.2\n\tphases:\n");

        Assert.Equal(2, error.Line);
    }
}
