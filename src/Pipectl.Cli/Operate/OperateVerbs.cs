using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>The operator's verbs after bootstrap: status (and --watch), start, approve, reject, logs, list.</summary>
public static class OperateVerbs
{
    public static IEnumerable<Command> All(GlobalOptions options, CliConsole console) => All(options, console, TimeProvider.System);

    /// <summary>The verbs with a given clock (relative times and the watch's waits).</summary>
    public static IEnumerable<Command> All(GlobalOptions options, CliConsole console, TimeProvider clock)
    {
        var operate = new OperateOptions();
        yield return StatusCommand.Create(options, operate, console, clock);
        yield return StartCommand.Create(options, operate, console, clock);
        yield return ApprovalCommand.Create(ApprovalDecision.Approve, options, operate, console);
        yield return ApprovalCommand.Create(ApprovalDecision.Reject, options, operate, console);
        yield return LogsCommand.Create(options, operate, console, clock);
        yield return ListCommand.Create(options, console);
    }
}
