using System.Diagnostics;
using Pipectl.Core.Buildspecs;
using Pipectl.Core.StackFiles;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>
/// Issue 12 item 11: YAML nested 100,000 deep overflowed the stack, 40,000 deep took 23 s. The shared YAML
/// reader refuses nesting past 256 levels with a positioned error, for buildspecs and pipectl.yaml alike.
/// </summary>
public sealed class NestingDepthTests
{
    [Theory]
    [InlineData(100_000)]
    [InlineData(40_000)]
    public void Deep_flow_nesting_is_refused_at_the_bracket_that_opens_level_257(int depth)
    {
        var text = "version: 0.2\nphases: " + new string('[', depth) + new string(']', depth) + "\n";

        var error = Judged.SingleError(text);

        // The file's own mapping is level 1, so the 256th bracket opens level 257.
        Assert.Equal((2, 9 + 255), (error.Line, error.Column));
        Assert.Contains("nested more than 256 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_block_nesting_is_refused()
    {
        var text = "version: 0.2\nphases:\n" + string.Concat(Enumerable.Repeat("- ", 5_000)) + "x\n";

        Judged.SingleError(text).Says("nested more than 256 levels");
    }

    [Fact]
    public void A_stack_file_nested_100000_deep_is_an_error_too()
    {
        var text = "name: demo\nbuild: " + new string('{', 100_000) + new string('}', 100_000) + "\n";

        var (file, errors) = StackFileParser.Parse("pipectl.yaml", text);

        Assert.Null(file);
        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("nested more than 256 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var text = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\nx-deep: " + new string('[', 250) + new string(']', 250) + "\n";

        Assert.Empty(BuildspecValidator.Validate("deep.yml", text));
    }

    [Fact]
    public void An_alias_whose_copy_would_nest_too_deep_is_refused_at_the_alias()
    {
        var text = "version: 0.2\nx-a: &a " + new string('[', 200) + new string(']', 200) + "\nx-b: " + new string('[', 100) + "*a" + new string(']', 100) + "\n";

        var error = Judged.SingleError(text);

        Assert.Equal((3, 106), (error.Line, error.Column));
    }
}
