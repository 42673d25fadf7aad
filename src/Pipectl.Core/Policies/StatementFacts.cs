using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipectl.Core.Policies;

/// <summary>
/// One statement of a policy document as sets, to compare what two statements grant: actions (case-insensitive,
/// as IAM matches them), resources, principals (<c>Kind:value</c>) and conditions (<c>operator|key</c> to its
/// values). <see cref="Canonical"/> is its canonical text (equal texts, equal statements); <see cref="Json"/> is it as given.
/// </summary>
internal sealed record StatementFacts(
    string? Sid,
    string Effect,
    IReadOnlySet<string> Actions,
    IReadOnlySet<string> NotActions,
    IReadOnlySet<string> Resources,
    IReadOnlySet<string> NotResources,
    IReadOnlySet<string> Principals,
    IReadOnlySet<string> NotPrincipals,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Conditions,
    string Canonical,
    JsonNode Json)
{
    /// <summary>Anyone (<c>"Principal": "*"</c>): it includes every other principal.</summary>
    private const string Anyone = "AWS:*";

    public bool IsAllow => string.Equals(Effect, PolicyStatement.AllowEffect, StringComparison.Ordinal);

    /// <summary>The statements of a policy document (URL-encoded or not); throws <see cref="JsonException"/> when it is not a policy.</summary>
    public static IReadOnlyList<StatementFacts> Parse(string document)
    {
        using var parsed = JsonDocument.Parse(Pipectl.Core.Json.CanonicalJson.Decode(document));
        if (!parsed.RootElement.TryGetProperty("Statement", out var statements))
        {
            throw new JsonException("The document has no Statement.");
        }

        return statements.ValueKind == JsonValueKind.Array
            ? [.. statements.EnumerateArray().Select(From)]
            : [From(statements)];
    }

    private static StatementFacts From(JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A statement is not an object.");
        }

        var conditions = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (statement.TryGetProperty("Condition", out var condition) && condition.ValueKind == JsonValueKind.Object)
        {
            foreach (var byOperator in condition.EnumerateObject())
            {
                foreach (var key in byOperator.Value.EnumerateObject())
                {
                    conditions[$"{byOperator.Name}|{key.Name}"] = Strings(key.Value, StringComparer.Ordinal);
                }
            }
        }

        return new StatementFacts(
            statement.TryGetProperty("Sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString() : null,
            statement.TryGetProperty("Effect", out var effect) ? effect.GetString() ?? string.Empty : string.Empty,
            Strings(statement, "Action", StringComparer.OrdinalIgnoreCase),
            Strings(statement, "NotAction", StringComparer.OrdinalIgnoreCase),
            Strings(statement, "Resource", StringComparer.Ordinal),
            Strings(statement, "NotResource", StringComparer.Ordinal),
            PrincipalsOf(statement, "Principal"),
            PrincipalsOf(statement, "NotPrincipal"),
            conditions,
            PolicyDocumentComparer.Normalize(statement.GetRawText()),
            JsonNode.Parse(statement.GetRawText())!);
    }

    private static HashSet<string> Strings(JsonElement statement, string property, StringComparer comparer) =>
        statement.TryGetProperty(property, out var value) ? Strings(value, comparer) : new HashSet<string>(comparer);

    private static HashSet<string> Strings(JsonElement value, StringComparer comparer) => value.ValueKind switch
    {
        JsonValueKind.Array => new HashSet<string>(value.EnumerateArray().Select(Text), comparer),
        _ => new HashSet<string>([Text(value)], comparer),
    };

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static HashSet<string> PrincipalsOf(JsonElement statement, string property)
    {
        var principals = new HashSet<string>(StringComparer.Ordinal);
        if (!statement.TryGetProperty(property, out var principal))
        {
            return principals;
        }

        if (principal.ValueKind == JsonValueKind.String)
        {
            // "Principal": "*" is anyone, the same as {"AWS": "*"}.
            principals.Add($"AWS:{principal.GetString()}");
            return principals;
        }

        foreach (var kind in principal.EnumerateObject())
        {
            principals.UnionWith(Strings(kind.Value, StringComparer.Ordinal).Select(v => $"{kind.Name}:{v}"));
        }

        return principals;
    }

    /// <summary>
    /// True when this statement grants (for Allow) or denies (for Deny) at least everything <paramref name="other"/>
    /// does: its actions, resources and principals include the other's, its Not- sets are the same, and each of
    /// its conditions is also a condition of the other, accepting no value the other does not. Anyone includes
    /// every principal; otherwise actions, resources and principals compare as written (a wildcard is a value of
    /// its own, so a narrower statement that replaces a wildcard still counts as widening: it asks, never misses).
    /// </summary>
    public bool Covers(StatementFacts other) =>
        string.Equals(Effect, other.Effect, StringComparison.Ordinal)
        && other.Actions.IsSubsetOf(Actions)
        && other.Resources.IsSubsetOf(Resources)
        && (other.Principals.IsSubsetOf(Principals) || Principals.Contains(Anyone))
        && NotActions.SetEquals(other.NotActions)
        && NotResources.SetEquals(other.NotResources)
        && NotPrincipals.SetEquals(other.NotPrincipals)
        && Conditions.All(c => other.Conditions.TryGetValue(c.Key, out var values) && values.IsSubsetOf(c.Value));

    /// <summary>One line for a person: <c>Allow s3:GetObject on arn:... for Service:codebuild.amazonaws.com when Bool aws:SecureTransport=false</c>.</summary>
    public string Summary()
    {
        var parts = new List<string> { Effect };
        parts.Add(Actions.Count > 0 ? Join(Actions) : $"all but {Join(NotActions)}");
        if (Resources.Count > 0 || NotResources.Count > 0)
        {
            parts.Add(Resources.Count > 0 ? $"on {Join(Resources)}" : $"on all but {Join(NotResources)}");
        }

        if (Principals.Count > 0)
        {
            parts.Add($"for {Join(Principals)}");
        }

        if (NotPrincipals.Count > 0)
        {
            parts.Add($"for all but {Join(NotPrincipals)}");
        }

        if (Conditions.Count > 0)
        {
            parts.Add("when " + string.Join(" and ", Conditions.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key.Replace('|', ' ')}={Join(c.Value)}")));
        }

        return string.Join(' ', parts);
    }

    private static string Join(IEnumerable<string> values) => string.Join(",", values.Order(StringComparer.Ordinal));
}
