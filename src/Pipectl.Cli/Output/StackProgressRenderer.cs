using Pipectl.Cli.Hosting;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>
/// Shows a run as it happens. In text mode each resource's line goes to stdout as it settles; on a terminal
/// a spinner on stderr names what is being worked on or waited for (IAM propagation), elsewhere waits are
/// plain stderr lines. In JSON mode stdout stays clean and only waits are reported on stderr.
/// </summary>
public sealed class StackProgressRenderer : IStackProgress, IDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly CliConsole _console;
    private readonly bool _json;
    private readonly TextStyle _style;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _working = [];
    private readonly Timer? _spinner;
    private string? _waiting;
    private int _frame;
    private bool _spinnerShown;

    public StackProgressRenderer(CliConsole console, bool json)
    {
        _console = console;
        _json = json;
        _style = new TextStyle(console.UseColor);
        if (console.IsTerminal)
        {
            _spinner = new Timer(_ => Tick(), null, TimeSpan.FromMilliseconds(120), TimeSpan.FromMilliseconds(120));
        }
    }

    public void Started(string type, string name)
    {
        lock (_gate)
        {
            _working.Add(name);
        }
    }

    public void Finished(string type, string name)
    {
        lock (_gate)
        {
            _working.Remove(name);
            _waiting = null;
        }
    }

    public void Settled(ResourceOutcome outcome)
    {
        lock (_gate)
        {
            _working.Remove(outcome.Name);
            if (_json)
            {
                return;
            }

            ClearSpinner();
            foreach (var line in ResourceLine.Format(outcome, _style))
            {
                _console.Out.WriteLine(line);
            }

            _console.Out.Flush();
        }
    }

    public void Waiting(string message)
    {
        lock (_gate)
        {
            _waiting = message;
            if (!_console.IsTerminal)
            {
                _console.Error.WriteLine(message);
            }
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_working.Count == 0)
            {
                ClearSpinner();
                return;
            }

            var what = _waiting ?? $"working on {string.Join(", ", _working.Take(3))}{(_working.Count > 3 ? ", ..." : string.Empty)}";
            _console.Terminal.Write($"\r\u001b[2K{Frames[_frame++ % Frames.Length]} {TerminalText.Inline(what)}");
            _console.Terminal.Flush();
            _spinnerShown = true;
        }
    }

    private void ClearSpinner()
    {
        if (_spinnerShown)
        {
            _console.Terminal.Write("\r\u001b[2K");
            _console.Terminal.Flush();
            _spinnerShown = false;
        }
    }

    public void Dispose()
    {
        _spinner?.Dispose();
        lock (_gate)
        {
            ClearSpinner();
        }
    }
}
