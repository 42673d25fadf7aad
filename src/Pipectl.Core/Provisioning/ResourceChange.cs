using System.Text.Json.Nodes;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// One attribute-level difference between an existing resource and its desired state: which attribute
/// (e.g. <c>image</c>, <c>inline policy pipectl-least-privilege</c>), how it differs, the value before and
/// after (JSON: a string, a policy statement, an event pattern; null for a missing side), and whether it
/// widens permissions. <see cref="Line"/> is its one-line rendering, the legacy "what differs" text.
/// </summary>
public sealed record ResourceChange(string Attribute, ChangeKind Kind, JsonNode? Before, JsonNode? After, string Line)
{
    /// <summary>True when the change grants more: a new action, resource or principal, or a removed condition or Deny.</summary>
    public bool Widens { get; init; }

    /// <summary>For a policy change, the Sid of the statement it concerns (null when the statement has none).</summary>
    public string? Statement { get; init; }

    /// <summary>A change known only as its text (a line a spec added by hand): the attribute is what precedes the first colon.</summary>
    public static ResourceChange FromLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return new ResourceChange(colon > 0 ? line[..colon] : line, ChangeKind.Changed, null, null, line);
    }

    public override string ToString() => Line;
}
