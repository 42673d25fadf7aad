using System.Text.Json;
using System.Text.Json.Nodes;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Policies;

/// <summary>
/// The statement-level difference between the policy AWS has and the desired one (a role's trust or inline
/// policy, a bucket policy), each change marked when it widens permissions: an Allow statement that grants a
/// new action, resource or principal, or lost a condition, or a Deny statement that was removed or narrowed.
/// Statements are matched by their canonical text, then by Sid; what is left is added or removed.
/// </summary>
public static class PolicyStatementDiff
{
    /// <summary>
    /// The changes for <paramref name="attribute"/> (e.g. "trust policy"); a missing document (null) is one
    /// without statements. A document that is not a policy is reported as changed as a whole, as widening.
    /// </summary>
    public static IReadOnlyList<ResourceChange> Between(string attribute, string? actual, string? desired)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        IReadOnlyList<StatementFacts> before, after;
        try
        {
            before = actual is null ? [] : StatementFacts.Parse(actual);
            after = desired is null ? [] : StatementFacts.Parse(desired);
        }
        catch (JsonException)
        {
            // What cannot be read cannot be shown to narrow: a person has to look at it.
            return [new ResourceChange(attribute, ChangeKind.Changed, Raw(actual), Raw(desired), $"{attribute} differs (not a readable policy)") { Widens = true }];
        }

        var removed = before.ToList();
        var added = new List<StatementFacts>();
        foreach (var statement in after)
        {
            var same = removed.FindIndex(s => s.Canonical == statement.Canonical);
            if (same >= 0)
            {
                removed.RemoveAt(same);
            }
            else
            {
                added.Add(statement);
            }
        }

        var changes = new List<ResourceChange>();
        foreach (var statement in added.ToList())
        {
            var previous = statement.Sid is { Length: > 0 } sid ? removed.FirstOrDefault(s => s.Sid == sid) : null;
            if (previous is null)
            {
                continue;
            }

            removed.Remove(previous);
            added.Remove(statement);
            // A Deny that became an Allow, or an Allow that grants more, widens; so does a Deny that denies less.
            var widens = statement.IsAllow ? !previous.IsAllow || !previous.Covers(statement) : !previous.IsAllow && !statement.Covers(previous);
            changes.Add(new ResourceChange(attribute, ChangeKind.Changed, previous.Json, statement.Json, $"{attribute}: statement {statement.Sid} changed: {Delta(previous, statement)}")
            {
                Statement = statement.Sid,
                Widens = widens,
            });
        }

        changes.AddRange(removed.Select(s => new ResourceChange(attribute, ChangeKind.Removed, s.Json, null, $"{attribute}: statement {Label(s)} removed: {s.Summary()}")
        {
            Statement = s.Sid,
            Widens = !s.IsAllow && !after.Any(d => !d.IsAllow && d.Covers(s)),
        }));
        changes.AddRange(added.Select(s => new ResourceChange(attribute, ChangeKind.Added, null, s.Json, $"{attribute}: statement {Label(s)} added: {s.Summary()}")
        {
            Statement = s.Sid,
            Widens = s.IsAllow && !before.Any(a => a.IsAllow && a.Covers(s)),
        }));
        return changes;
    }

    /// <summary>One line per statement of <paramref name="document"/> (see <see cref="Between"/>), or null when it is not a policy.</summary>
    public static IReadOnlyList<string>? Describe(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return [.. StatementFacts.Parse(document).Select(s => $"{Label(s)}: {s.Summary()}")];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Raw(string? document) => document is null ? null : JsonValue.Create(document);

    private static string Label(StatementFacts statement) => statement.Sid is { Length: > 0 } sid ? sid : "(no Sid)";

    /// <summary>What changed in a statement that kept its Sid: "+action sns:Publish, -condition Bool aws:SecureTransport".</summary>
    private static string Delta(StatementFacts before, StatementFacts after)
    {
        var parts = new List<string>();
        if (before.Effect != after.Effect)
        {
            parts.Add($"effect {before.Effect} -> {after.Effect}");
        }

        Sets(parts, "action", before.Actions, after.Actions);
        Sets(parts, "not-action", before.NotActions, after.NotActions);
        Sets(parts, "resource", before.Resources, after.Resources);
        Sets(parts, "not-resource", before.NotResources, after.NotResources);
        Sets(parts, "principal", before.Principals, after.Principals);
        Sets(parts, "not-principal", before.NotPrincipals, after.NotPrincipals);
        foreach (var key in before.Conditions.Keys.Union(after.Conditions.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.Conditions.GetValueOrDefault(key);
            var has = after.Conditions.GetValueOrDefault(key);
            var name = key.Replace('|', ' ');
            if (had is null)
            {
                parts.Add($"+condition {name}={string.Join(",", has!.Order(StringComparer.Ordinal))}");
            }
            else if (has is null)
            {
                parts.Add($"-condition {name}");
            }
            else if (!had.SetEquals(has))
            {
                parts.Add($"condition {name}: {string.Join(",", had.Order(StringComparer.Ordinal))} -> {string.Join(",", has.Order(StringComparer.Ordinal))}");
            }
        }

        return parts.Count > 0 ? string.Join(", ", parts) : after.Summary();
    }

    private static void Sets(List<string> parts, string name, IReadOnlySet<string> before, IReadOnlySet<string> after)
    {
        parts.AddRange(after.Where(v => !before.Contains(v)).Order(StringComparer.Ordinal).Select(v => $"+{name} {v}"));
        parts.AddRange(before.Where(v => !after.Contains(v)).Order(StringComparer.Ordinal).Select(v => $"-{name} {v}"));
    }
}
