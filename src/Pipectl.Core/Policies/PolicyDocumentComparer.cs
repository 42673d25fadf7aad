using System.Text.Json;
using Pipectl.Core.Json;

namespace Pipectl.Core.Policies;

/// <summary>
/// Tells whether two policy documents mean the same thing, for drift detection. AWS hands documents back
/// URL-encoded (IAM), with keys reordered, one-element arrays as plain strings and <c>"Principal":"*"</c>
/// where <c>{"AWS":"*"}</c> was sent (S3), none of which is a change.
/// </summary>
public static class PolicyDocumentComparer
{
    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are the same policy: each is URL-decoded when it
    /// starts with <c>%7B</c>, keys are sorted, <c>"x"</c> equals <c>["x"]</c>, the order of elements in any
    /// array is ignored (Statement, Action, Resource and condition values are all sets), <c>false</c> equals
    /// <c>"false"</c>, and <c>"Principal":"*"</c> equals <c>{"AWS":"*"}</c>. A document that is not JSON equals nothing.
    /// </summary>
    public static bool AreEquivalent(string a, string b) => CanonicalJson.AreEquivalent(a, b, Normalize);

    /// <summary>The canonical form <see cref="AreEquivalent"/> compares: handy to show what differs.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string Normalize(string policy) => CanonicalJson.Normalize(policy, scalarsAsStrings: true, RewriteAnyonePrincipal);

    private static string? RewriteAnyonePrincipal(string propertyName, JsonElement value) =>
        propertyName is "Principal" or "NotPrincipal" && value.ValueKind == JsonValueKind.String && value.GetString() == "*"
            ? "{\"AWS\":\"*\"}"
            : null;
}
