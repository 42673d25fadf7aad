using System.CommandLine;
using Pipectl.Aws.Logs;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Operate;

/// <summary>
/// <c>pipectl logs [--follow] [--execution ID]</c>: the CloudWatch Logs of the stack's latest build (or of
/// the build one pipeline execution ran), on stdout; the build id and console link on stderr. With
/// --follow it keeps reading until the build completes and exits 0 when it succeeded, 1 when it did not.
/// </summary>
public static class LogsCommand
{
    public static Command Create(GlobalOptions options, OperateOptions operate, CliConsole console, TimeProvider clock)
    {
        var follow = new Option<bool>("--follow") { Description = "Keep printing new lines until the build completes (exit 0 when it succeeded, 1 when it did not)" };
        var execution = new Option<string?>("--execution") { Description = "The build of this pipeline execution (default: the latest build)", HelpName = "ID" };
        var command = new Command("logs", "Print the CloudWatch Logs of the stack's latest build (or of one pipeline execution's build).");
        operate.AddTargetTo(command);
        command.Options.Add(follow);
        command.Options.Add(execution);
        command.Options.Add(operate.PollInterval);
        OperatedRun.SetAction(command, options, operate, console, run =>
            new Run(run.BuildLogs, run.Target, run.Settings, console, run.Parse.GetValue(operate.PollInterval), clock)
                .ExecuteAsync(run.Parse.GetValue(execution), run.Parse.GetValue(follow), run.Token));
        return command;
    }

    private sealed class Run(BuildLogs logs, OperatedTarget target, GlobalSettings settings, CliConsole console, TimeSpan interval, TimeProvider clock)
    {
        private readonly List<LogEvent> _printed = [];

        public async Task<int> ExecuteAsync(string? executionId, bool follow, CancellationToken cancellationToken)
        {
            var found = executionId is null
                ? await logs.FindLatestAsync(target.PipelineName, cancellationToken).ConfigureAwait(false)
                : await logs.FindForExecutionAsync(target.PipelineName, executionId, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                throw new ProvisioningException(executionId is null
                    ? $"{target.PipelineName} has not run a build yet: start one with `{target.Command("start")}`"
                    : $"execution {executionId} of {target.PipelineName} ran no build (it stopped before its build action, or the id is not this pipeline's)");
            }

            await console.Error.WriteLineAsync($"build {found.Id} ({found.Build.BuildStatus}): {found.ConsoleUrl}").ConfigureAwait(false);
            if (!found.HasLog)
            {
                throw new ProvisioningException($"build {found.Id} has no CloudWatch log (not started yet, or its project sends logs elsewhere): see {found.ConsoleUrl}");
            }

            string? token = null;
            while (true)
            {
                token = await DrainAsync(found, token, cancellationToken).ConfigureAwait(false);
                if (!follow || found.Build.BuildComplete == true)
                {
                    break;
                }

                await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
                found = await logs.ReadAsync(found.Id, cancellationToken).ConfigureAwait(false) ?? found;
                if (found.Build.BuildComplete == true)
                {
                    // The last lines are written before the build reports complete: one more read gets them.
                    token = await DrainAsync(found, token, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }

            if (settings.Json)
            {
                await console.Out.WriteLineAsync(JsonText.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("command", "logs");
                    writer.WriteString("pipeline", target.PipelineName);
                    writer.WriteStartObject("build");
                    writer.WriteString("id", found.Id);
                    writer.WriteString("status", found.Build.BuildStatus);
                    writer.WriteString("logGroup", found.Build.Logs?.GroupName);
                    writer.WriteString("logStream", found.Build.Logs?.StreamName);
                    writer.WriteString("consoleUrl", found.ConsoleUrl);
                    writer.WriteEndObject();
                    writer.WriteStartArray("events");
                    foreach (var e in _printed)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("timestamp", e.Timestamp is { } ms ? JsonText.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null);
                        writer.WriteString("message", TerminalText.Inline(e.Message?.TrimEnd('\n', '\r')));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                })).ConfigureAwait(false);
            }

            return follow && found.Build.BuildStatus != "SUCCEEDED" ? ExitCodes.Failed : ExitCodes.Success;
        }

        /// <summary>Prints every page from <paramref name="token"/> on; returns the token to read on from.</summary>
        private async Task<string?> DrainAsync(FoundBuild found, string? token, CancellationToken cancellationToken)
        {
            while (true)
            {
                var (events, next) = await logs.ReadPageAsync(found, token, cancellationToken).ConfigureAwait(false);
                foreach (var e in events)
                {
                    _printed.Add(e);
                    if (!settings.Json)
                    {
                        await console.Out.WriteLineAsync(TerminalText.Inline(e.Message?.TrimEnd('\n', '\r'))).ConfigureAwait(false);
                    }
                }

                // The forward token stays the same once the end of the stream is reached.
                if (next is null || next == token || events.Count == 0)
                {
                    return next ?? token;
                }

                token = next;
            }
        }
    }
}
