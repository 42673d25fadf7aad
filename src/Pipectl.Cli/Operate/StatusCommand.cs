using System.CommandLine;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Operate;

/// <summary>
/// <c>pipectl status --name &lt;stack&gt; [--watch]</c>: every stage and action of the stack's pipeline, the
/// latest execution and its source revision, a waiting approval and failure details; with --watch it follows
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
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            return VerbRunner.RunAsync(console, settings, async token =>
            {
                var target = OperatedTarget.From(parse, operate);
                using var session = AwsSession.Create(settings.SessionOptions);
                var operations = new PipelineOperations(session.CodePipeline);
                return await target.OrNotFoundAsync(console, session.Region, () => parse.GetValue(operate.Watch)
                    ? new ExecutionWatchRun(operations, target, settings, console, parse.GetValue(operate.PollInterval), clock).RunAsync("status", null, _ => { }, token)
                    : ShowAsync(operations, target, settings, console, clock, token, ConnectionStatusLine.ReaderFor(target, session))).ConfigureAwait(false);
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ShowAsync(PipelineOperations operations, OperatedTarget target, GlobalSettings settings, CliConsole console, TimeProvider clock, CancellationToken cancellationToken, Func<CancellationToken, Task<Pipectl.Core.Resources.ConnectionState?>>? readConnection)
    {
        var status = await operations.ReadStatusAsync(target.PipelineName, cancellationToken).ConfigureAwait(false);
        var connection = readConnection is null ? null : await readConnection(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("command", "status");
                StatusJson.WriteMembers(writer, status);
                ConnectionStatusLine.WriteJson(writer, connection);
                writer.WriteEndObject();
            })).ConfigureAwait(false);
        }
        else
        {
            foreach (var line in StatusTable.Lines(status, new TextStyle(console.UseColor), clock.GetUtcNow(), target.NameArguments))
            {
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await console.Out.WriteLineAsync(ConnectionStatusLine.Text(connection, new TextStyle(console.UseColor))).ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }
}
