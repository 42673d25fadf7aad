using System.CommandLine;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Operate;

/// <summary>
/// <c>pipectl status --name &lt;stack&gt; [--watch]</c>: every stage and action of the stack's pipeline, the
/// latest execution and its source revision, a waiting approval and failure details (for a failed build: its id, log link and last lines); with --watch it follows
/// the latest execution until it settles.
/// </summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions options, OperateOptions operate, CliConsole console, TimeProvider clock)
    {
        var command = new Command("status", "Show where the stack's pipeline stands: stages, actions, latest execution, a waiting approval, errors.");
        operate.AddTargetTo(command);
        command.Options.Add(operate.Watch);
        command.Options.Add(operate.PollInterval);
        OperatedRun.SetAction(command, options, operate, console, run => run.Parse.GetValue(operate.Watch)
            ? WatchAsync(run, operate, console, clock)
            : ShowAsync(run.Operations, run.BuildLogs, new TestResultsReader(run.Session.CodeBuild), run.Target, run.Settings, console, clock, run.Token, ConnectionStatusLine.ReaderFor(run.Target, run.Session), EcsRoleDriftLine.ReaderFor(run.Target, run.Session), ApprovalSubscriptionLine.ReaderFor(run.Target, run.Session, console)));
        return command;
    }

    /// <summary>
    /// status --watch: a pending approval e-mail is said once on stderr before the watch (an approval reached during the
    /// watch is mailed only once the subscription is confirmed), then the execution is followed.
    /// </summary>
    private static async Task<int> WatchAsync(OperatedRun run, OperateOptions operate, CliConsole console, TimeProvider clock)
    {
        if (!run.Settings.Json && ApprovalSubscriptionLine.ReaderFor(run.Target, run.Session, console) is { } read
            && await read(run.Token).ConfigureAwait(false) is { } subscription
            && ApprovalSubscriptionLine.Text(subscription, new TextStyle(console.UseColor), run.Target.Command) is { } pending)
        {
            await console.Error.WriteLineAsync(pending).ConfigureAwait(false);
        }

        return await new ExecutionWatchRun(run.Operations, run.BuildLogs, run.Target, run.Settings, console, run.Parse.GetValue(operate.PollInterval), clock, new TestResultsReader(run.Session.CodeBuild)).RunAsync("status", null, _ => { }, run.Token).ConfigureAwait(false);
    }

    private static async Task<int> ShowAsync(PipelineOperations operations, BuildLogs logs, TestResultsReader testResults, OperatedTarget target, GlobalSettings settings, CliConsole console, TimeProvider clock, CancellationToken cancellationToken, Func<CancellationToken, Task<Pipectl.Core.Resources.ConnectionState?>>? readConnection, Func<CancellationToken, Task<IReadOnlyList<string>>>? readRoleDrift, Func<CancellationToken, Task<ApprovalSubscriptionLine.Subscription?>>? readSubscription)
    {
        var status = await operations.ReadStatusAsync(target.PipelineName, cancellationToken).ConfigureAwait(false);
        var failedBuild = await FailedBuild.FindAsync(logs, status, cancellationToken).ConfigureAwait(false);
        var tests = await TestResultsView.FindAsync(testResults, status, cancellationToken).ConfigureAwait(false);
        var connection = readConnection is null ? null : await readConnection(cancellationToken).ConfigureAwait(false);
        var roleDrift = readRoleDrift is null ? null : await readRoleDrift(cancellationToken).ConfigureAwait(false);
        var subscription = readSubscription is null ? null : await readSubscription(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("command", "status");
                StatusJson.WriteMembers(writer, status);
                failedBuild?.WriteJson(writer);
                tests?.WriteJson(writer);
                ConnectionStatusLine.WriteJson(writer, connection);
                EcsRoleDriftLine.WriteJson(writer, roleDrift, target.Command("bootstrap"));
                ApprovalSubscriptionLine.WriteJson(writer, subscription);
                writer.WriteEndObject();
            })).ConfigureAwait(false);
        }
        else
        {
            foreach (var line in StatusTable.Lines(status, new TextStyle(console.UseColor), clock.GetUtcNow(), target.Command).Concat(failedBuild?.Lines(target.Command) ?? []).Concat(tests?.Lines() ?? []))
            {
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await console.Out.WriteLineAsync(ConnectionStatusLine.Text(connection, new TextStyle(console.UseColor))).ConfigureAwait(false);
            }

            if (roleDrift is { Count: > 0 })
            {
                await console.Out.WriteLineAsync(EcsRoleDriftLine.Text(roleDrift, new TextStyle(console.UseColor), target.Command("bootstrap"))).ConfigureAwait(false);
            }

            if (subscription is not null && ApprovalSubscriptionLine.Text(subscription, new TextStyle(console.UseColor), target.Command) is { } pending)
            {
                await console.Out.WriteLineAsync(pending).ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }
}
