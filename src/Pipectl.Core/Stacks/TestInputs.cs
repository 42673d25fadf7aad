namespace Pipectl.Core.Stacks;

/// <summary>The values of <c>test.input</c> / <c>--test-input</c>: which artifact the Test stage's project gets.</summary>
public static class TestInputs
{
    /// <summary>The Build stage's output (what the build's <c>artifacts:</c> lists): test what is deployed.</summary>
    public const string Build = "build";

    /// <summary>The source revision (the repository's files): run the tests on the code.</summary>
    public const string Source = "source";

    public static IReadOnlyList<string> All { get; } = [Build, Source];
}
