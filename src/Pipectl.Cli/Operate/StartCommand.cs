using System.CommandLine;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Operate;

/// <summary>
/// <c>pipectl start --name &lt;stack&gt; [--watch]</c>: starts an execution with the latest source revisions
/// and prints its id (alone on stdout, for scripts); with --watch it follows that execution until it settles.
/// </summary>
public static class StartCommand
{
    public static Command Create(GlobalOptions options, OperateOptions operate, CliConsole console, TimeProvider clock)
    {
        var command = new Command("start", "Start an execution of the stack's pipeline with the latest source revisions and print its id.");
        operate.AddTargetTo(command);
        command.Options.Add(operate.Watch);
        command.Options.Add(operate.PollInterval);
        OperatedRun.SetAction(command, options, operate, console, async run =>
        {
            var (parse, settings, target, token) = (run.Parse, run.Settings, run.Target, run.Token);
            var operations = run.Operations;
            var watch = parse.GetValue(operate.Watch);
            if (settings.DryRun)
            {
                await console.Error.WriteLineAsync($"dry run: would start an execution of {target.PipelineName} (nothing was sent)").ConfigureAwait(false);
                if (settings.Json)
                {
                    await console.Out.WriteLineAsync(JsonText.Write(w => Head(w, target, null, dryRun: true))).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            var executionId = await operations.StartAsync(target.PipelineName, token).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"started execution {executionId} of {target.PipelineName}").ConfigureAwait(false);
            if (!settings.Json)
            {
                await console.Out.WriteLineAsync(executionId).ConfigureAwait(false);
            }

            if (watch)
            {
                var watchRun = new ExecutionWatchRun(operations, run.BuildLogs, target, settings, console, parse.GetValue(operate.PollInterval), clock, new TestResultsReader(run.Session.CodeBuild));
                return await watchRun.RunAsync("start", executionId, w => w.WriteString("executionId", executionId), token).ConfigureAwait(false);
            }

            if (settings.Json)
            {
                await console.Out.WriteLineAsync(JsonText.Write(w => Head(w, target, executionId, dryRun: false))).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Head(System.Text.Json.Utf8JsonWriter writer, OperatedTarget target, string? executionId, bool dryRun)
    {
        writer.WriteStartObject();
        writer.WriteString("command", "start");
        writer.WriteString("pipeline", target.PipelineName);
        writer.WriteString("executionId", executionId);
        writer.WriteBoolean("dryRun", dryRun);
        writer.WriteEndObject();
    }
}
