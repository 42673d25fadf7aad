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
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            return VerbRunner.RunAsync(console, settings, async token =>
            {
                var target = OperatedTarget.From(parse, operate, console);
                using var session = AwsSession.Create(settings.SessionOptions);
                var operations = new PipelineOperations(session.CodePipeline);
                var watch = parse.GetValue(operate.Watch);
                return await target.OrNotFoundAsync(session.Region, async () =>
                {
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
                        var logs = new BuildLogs(session.CodePipeline, session.CodeBuild, session.Logs, session.Region);
                        var run = new ExecutionWatchRun(operations, logs, target, settings, console, parse.GetValue(operate.PollInterval), clock);
                        return await run.RunAsync("start", executionId, w => w.WriteString("executionId", executionId), token).ConfigureAwait(false);
                    }

                    if (settings.Json)
                    {
                        await console.Out.WriteLineAsync(JsonText.Write(w => Head(w, target, executionId, dryRun: false))).ConfigureAwait(false);
                    }

                    return ExitCodes.Success;
                }).ConfigureAwait(false);
            }, cancellationToken, ErrorJson.Reporter("start", settings, console));
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
