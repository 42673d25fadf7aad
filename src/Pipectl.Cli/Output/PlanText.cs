using System.Text.Json;
using System.Text.Json.Nodes;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>
/// The detail lines of a plan under a resource's line: for one to create, every desired setting (a policy
/// statement by statement); for one to update, each change, widening ones marked. Unchanged ones get none.
/// </summary>
public static class PlanText
{
    private const int Indent = 13;
    private const string WidensMark = "[widens permissions]";

    public static IEnumerable<string> Details(ResourceOutcome outcome, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(style);
        if (outcome.Action == ResourceAction.WouldCreate && outcome.Desired is { } desired)
        {
            // The settings show every statement; what else it would do (a first commit) follows as a change.
            var extra = outcome with { Changes = [], Details = [.. outcome.ChangeDetails().Where(c => c.Before is null && c.After is null)] };
            return Settings(desired, Indent).Concat(Changes(extra, style));
        }

        return Changes(outcome, style);
    }

    /// <summary>One line per change: "- what", with the widening mark on those that widen.</summary>
    public static IEnumerable<string> Changes(ResourceOutcome outcome, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var details = outcome.ChangeDetails();
        foreach (var change in details)
        {
            var mark = change.Widens ? " " + style.Bad(WidensMark) : string.Empty;
            yield return $"{new string(' ', Indent)}- {TerminalText.Inline(change.Line)}{mark}";
        }
    }

    /// <summary>The header mark of a resource whose update widens permissions ("" otherwise).</summary>
    public static string HeaderMark(ResourceOutcome outcome, TextStyle style) =>
        outcome.Widens ? "  " + style.Bad(WidensMark) : string.Empty;

    private static IEnumerable<string> Settings(JsonObject settings, int indent, bool named = true)
    {
        var pad = new string(' ', indent);
        foreach (var (key, value) in settings)
        {
            // The name is on the resource's (or item's) own line already; a nested object's (a distribution's function) is not.
            if (value is null || (named && key == "name"))
            {
                continue;
            }

            if (value is JsonObject policy && policy.ContainsKey("Statement") && PolicyStatementDiff.Describe(policy.ToJsonString()) is { } statements)
            {
                yield return $"{pad}{key}:";
                foreach (var statement in statements)
                {
                    yield return $"{pad}  {TerminalText.Inline(statement)}";
                }
            }
            else if (value is JsonObject { Count: 0 })
            {
                yield return $"{pad}{key}: (none)";
            }
            else if (value is JsonObject nested)
            {
                yield return $"{pad}{key}:";
                foreach (var line in Settings(nested, indent + 2, named: false))
                {
                    yield return line;
                }
            }
            else if (value is JsonArray array && array.Any(item => item is JsonObject))
            {
                yield return $"{pad}{key}:";
                foreach (var item in array.OfType<JsonObject>())
                {
                    yield return $"{pad}  - {TerminalText.Inline(item["name"]?.ToString() ?? string.Empty)}";
                    foreach (var line in Settings(item, indent + 4))
                    {
                        yield return line;
                    }
                }
            }
            else
            {
                yield return $"{pad}{key}: {TerminalText.Inline(Scalar(value))}";
            }
        }
    }

    private static string Scalar(JsonNode value) => value switch
    {
        JsonArray array => array.Count == 0 ? "(none)" : string.Join(", ", array.Select(a => a is null ? "null" : Scalar(a))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "on" : "off",
        _ => value.ToJsonString(),
    };
}
