using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>
/// How one settled resource reads on a terminal: action, type, environment, name, then its plan details
/// (<see cref="PlanText"/>): the settings of one to create, the changes of one to update.
/// </summary>
public static class ResourceLine
{
    public static IEnumerable<string> Format(ResourceOutcome outcome, TextStyle style)
    {
        var action = outcome.Action.ToWire();
        var painted = outcome.Action switch
        {
            ResourceAction.Created or ResourceAction.WouldCreate => style.Good(action.PadRight(12)),
            ResourceAction.Updated or ResourceAction.WouldUpdate => style.Warn(action.PadRight(12)),
            ResourceAction.Deleted or ResourceAction.WouldDelete => style.Bad(action.PadRight(12)),
            _ => style.Dim(action.PadRight(12)),
        };
        // Notes and changes can carry what AWS holds (tag values, messages): each stays on its own line.
        var note = outcome.Note is null ? string.Empty : style.Dim($"  ({TerminalText.Inline(outcome.Note)})");
        var environment = outcome.Environment is { } env ? $"[{TerminalText.Inline(env)}] " : string.Empty;
        yield return $"{painted} {outcome.Type,-28} {environment}{TerminalText.Inline(outcome.Name)}{note}{PlanText.HeaderMark(outcome, style)}";
        foreach (var line in PlanText.Details(outcome, style))
        {
            yield return line;
        }
    }
}
