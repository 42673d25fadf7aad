using System.Text.Json.Nodes;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// One resource as a run left it: its type (CloudFormation name), name, ARN, the action, what differed
/// (for an update or would-update), and a note for a person (e.g. "adopted: existed before pipectl").
/// </summary>
public sealed record ResourceOutcome(string Type, string Name, string? Arn, ResourceAction Action)
{
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>What differed, attribute by attribute (statement by statement for policies); same order as <see cref="Changes"/>.</summary>
    public IReadOnlyList<ResourceChange> Details { get; init; } = [];

    /// <summary>The full desired state (policies, trust, declaration, pattern, settings), for plans; null when not known.</summary>
    public JsonObject? Desired { get; init; }

    /// <summary>The environment of a stack file the resource serves; null for a single stack or a shared resource.</summary>
    public string? Environment { get; init; }

    /// <summary>This outcome with one more change known only as its line (e.g. a first commit).</summary>
    public ResourceOutcome WithChange(string line) => this with { Changes = [.. Changes, line], Details = [.. Details, ResourceChange.FromLine(line)] };

    /// <summary>The structured changes, and any change appended as a line only (by code that sets <see cref="Changes"/> alone) as one.</summary>
    public IReadOnlyList<ResourceChange> ChangeDetails() =>
        Details.Count >= Changes.Count ? Details : [.. Details, .. Changes.Skip(Details.Count).Select(ResourceChange.FromLine)];

    /// <summary>
    /// True when it widens permissions of an existing stack (see <see cref="ResourceChange.Widens"/>): an update
    /// that does, or a new role or bucket policy in a stack that exists. A fresh stack's resources never do.
    /// </summary>
    public bool Widens => Details.Any(d => d.Widens);

    public string? Note { get; init; }
}
