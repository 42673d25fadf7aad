using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>
/// How one settled resource reads on a terminal: action, type, environment, name, then its plan details
/// (<see cref="PlanText"/>): the settings of one to create, the changes of one to update.
/// </summary>
public static class ResourceLine
{
    /// <summary>
    /// The width of the type column for <paramref name="types"/>: the longest of them. A run's lines are printed as
    /// each resource settles, so its column is as wide as the longest kind pipectl has (<see cref="ResourceTypes.All"/>);
    /// a list printed at once (the teardown question) is as wide as its own longest type.
    /// </summary>
    public static int TypeWidth(IEnumerable<string> types) => types.Select(t => t.Length).DefaultIfEmpty(0).Max();

    /// <summary>The width of a run's type column: the longest kind name.</summary>
    public static int RunTypeWidth { get; } = TypeWidth(ResourceTypes.All);

    /// <summary><paramref name="type"/> padded to <paramref name="width"/>; a longer one keeps its length (the column after it still follows one space).</summary>
    public static string Column(string type, int width) => type.PadRight(width);

    public static IEnumerable<string> Format(ResourceOutcome outcome, TextStyle style, int? typeWidth = null)
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
        yield return $"{painted} {Column(outcome.Type, typeWidth ?? RunTypeWidth)} {environment}{TerminalText.Inline(outcome.Name)}{note}{PlanText.HeaderMark(outcome, style)}";
        foreach (var line in PlanText.Details(outcome, style))
        {
            yield return line;
        }
    }
}
