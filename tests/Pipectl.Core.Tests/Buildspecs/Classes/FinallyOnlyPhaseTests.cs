using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>A phase with only a <c>finally</c> block runs that block: clean.</summary>
public sealed class FinallyOnlyPhaseTests
{
    [Theory]
    [InlineData("post_build")]
    [InlineData("build")]
    [InlineData("install")]
    public void A_phase_with_only_finally_is_clean(string phase)
    {
        var text = $"version: 0.2\nphases:\n  {phase}:\n    finally:\n      - ./cleanup.sh\n";

        Assert.Empty(BuildspecValidator.ValidateWithWarnings("b.yml", text));
    }

    [Fact]
    public void A_finally_item_that_is_a_list_is_an_error()
    {
        var error = Judged.SingleError("version: 0.2\nphases:\n  build:\n    finally:\n      - [a, b]\n");

        Assert.Equal((5, 9), (error.Line, error.Column));
    }

    [Fact]
    public void A_phase_with_neither_commands_nor_finally_is_a_warning()
    {
        Judged.SingleWarning("version: 0.2\nphases:\n  build:\n    on-failure: CONTINUE\n").Says("phases.build has no commands");
    }
}
