using Pipectl.Core.Buildspecs;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>The one finding of a buildspec, and where and what it is.</summary>
internal static class Judged
{
    /// <summary>The only diagnostic of <paramref name="text"/>, which must be a warning.</summary>
    public static Diagnostic SingleWarning(string text)
    {
        var warning = Assert.Single(BuildspecValidator.ValidateWithWarnings("b.yml", text));
        Assert.False(warning.IsError, warning.ToString());
        return warning;
    }

    /// <summary>The only error of <paramref name="text"/>.</summary>
    public static Diagnostic SingleError(string text) => Assert.Single(BuildspecValidator.Validate("b.yml", text));

    /// <summary>Asserts the diagnostic's line, column and part of its message.</summary>
    public static void At(this Diagnostic diagnostic, int line, int column, string message)
    {
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        diagnostic.Says(message);
    }

    /// <summary>Asserts part of the diagnostic's message.</summary>
    public static void Says(this Diagnostic diagnostic, string message) =>
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
}
