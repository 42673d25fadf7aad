using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>
/// What a watch shows on stderr after each look: on a terminal, the status table redrawn in place (ANSI
/// cursor up and clear); elsewhere (a log, a pipe), one line per change so the log reads as a history.
/// </summary>
internal sealed class WatchProgress(CliConsole console, TimeSpan interval, Func<string, string?, string> command, TimeProvider clock)
{
    private const string Escape = "\u001b[";

    private PipelineStatus? _previous;
    private int _drawnLines;

    public async Task ShowAsync(PipelineStatus status, string? executionId)
    {
        if (console.IsTerminal)
        {
            await RedrawAsync(status, executionId).ConfigureAwait(false);
        }
        else
        {
            foreach (var change in StatusChanges.Between(_previous, status, executionId))
            {
                var detail = change.Detail is null ? string.Empty : $"  {change.Detail}";
                await console.Error.WriteLineAsync(TerminalText.Inline($"{change.Subject}: {change.Status}{detail}")).ConfigureAwait(false);
            }
        }

        _previous = status;
    }

    /// <summary>Removes the redrawn block so the final result takes its place.</summary>
    public async Task ClearAsync()
    {
        if (_drawnLines > 0)
        {
            await console.Terminal.WriteAsync($"{Escape}{_drawnLines}A{Escape}J").ConfigureAwait(false);
            _drawnLines = 0;
        }
    }

    private async Task RedrawAsync(PipelineStatus status, string? executionId)
    {
        var style = new TextStyle(console.UseColor);
        var lines = new List<string>(StatusTable.Lines(status, style, clock.GetUtcNow(), command))
        {
            string.Empty,
            style.Dim($"watching execution {executionId ?? "-"}: a look every {interval.TotalSeconds:0.#}s, Ctrl-C to stop"),
        };
        await ClearAsync().ConfigureAwait(false);
        await console.Error.WriteAsync(string.Concat(lines.Select(l => l + "\n"))).ConfigureAwait(false);
        _drawnLines = lines.Count;
    }
}
