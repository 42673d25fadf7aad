using System.Text.Json;
using Pipectl.Core.Json;

namespace Pipectl.Core.Pipelines;

/// <summary>Tells whether two EventBridge event patterns match the same events, for drift detection.</summary>
public static class EventPatternComparer
{
    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are the same pattern: URL-decoded when they start
    /// with <c>%7B</c>, keys sorted, and every array taken as a set (a pattern's arrays are "any of"), with
    /// <c>"x"</c> equal to <c>["x"]</c>. A pattern that is not JSON equals nothing.
    /// </summary>
    public static bool AreEquivalent(string a, string b) => CanonicalJson.AreEquivalent(a, b, Normalize);

    /// <summary>The canonical form <see cref="AreEquivalent"/> compares.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string Normalize(string pattern) => CanonicalJson.Normalize(pattern, scalarsAsStrings: false);
}
