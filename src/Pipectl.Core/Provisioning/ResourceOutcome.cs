namespace Pipectl.Core.Provisioning;

/// <summary>
/// One resource as a run left it: its type (CloudFormation name), name, ARN, the action, what differed
/// (for an update or would-update), and a note for a person (e.g. "adopted: existed before pipectl").
/// </summary>
public sealed record ResourceOutcome(string Type, string Name, string? Arn, ResourceAction Action)
{
    public IReadOnlyList<string> Changes { get; init; } = [];

    public string? Note { get; init; }
}
