using System.CommandLine;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Operate;

/// <summary><c>pipectl list</c>: the stacks pipectl manages in the region (pipelines tagged with a stack name) and their latest status.</summary>
public static class ListCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var command = new Command("list", "List the stacks pipectl manages in the region with their pipeline's latest status.");
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            return VerbRunner.RunAsync(console, settings, token => RunAsync(settings, console, token), cancellationToken, ErrorJson.Reporter("list", settings, console));
        });
        return command;
    }

    private static async Task<int> RunAsync(GlobalSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        using var session = AwsSession.Create(settings.SessionOptions);
        // The account is only printed: asked for alongside the listing.
        var identity = session.CallerAsync(cancellationToken);
        var stacks = await new StackPipelineCatalog(session.CodePipeline, session.Tagging).ListAsync(cancellationToken).ConfigureAwait(false);
        var account = (await identity.ConfigureAwait(false)).Account;
        // One line however many pipelines failed the same way (a missing permission fails them all).
        var unreadable = stacks.Where(s => s.LookupError is not null).ToList();
        if (unreadable.Count > 0)
        {
            var which = unreadable.Count == 1 ? unreadable[0].Pipeline : $"{unreadable.Count} pipelines ({string.Join(", ", unreadable.Take(3).Select(s => s.Pipeline))}{(unreadable.Count > 3 ? ", ..." : string.Empty)})";
            await console.Error.WriteLineAsync($"pipectl: the latest status of {which} could not be read: {TerminalText.Inline(unreadable[0].LookupError)}").ConfigureAwait(false);
        }

        if (settings.Json)
        {
            await console.Out.WriteLineAsync(JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("command", "list");
                writer.WriteString("region", session.Region);
                writer.WriteString("account", account);
                writer.WriteStartArray("stacks");
                foreach (var stack in stacks)
                {
                    writer.WriteStartObject();
                    writer.WriteString("stack", stack.Stack);
                    writer.WriteString("pipeline", stack.Pipeline);
                    writer.WriteString("latestStatus", stack.LookupError is null ? stack.LatestStatus ?? "none" : "unknown");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (stacks.Count == 0)
        {
            await console.Error.WriteLineAsync($"No pipectl stacks in {session.Region} (no pipeline is tagged pipectl:stack).").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var style = new TextStyle(console.UseColor);

        // The stack name is a tag value anyone with tagging rights chose: one row per stack, whatever it holds.
        stacks = [.. stacks.Select(s => s with { Stack = TerminalText.Inline(s.Stack) })];
        var stackWidth = Math.Max("STACK".Length, stacks.Max(s => s.Stack.Length));
        var pipelineWidth = Math.Max("PIPELINE".Length, stacks.Max(s => s.Pipeline.Length));
        await console.Out.WriteLineAsync(style.Dim($"{"STACK".PadRight(stackWidth)}  {"PIPELINE".PadRight(pipelineWidth)}  LATEST")).ConfigureAwait(false);
        foreach (var stack in stacks)
        {
            var latest = stack.LookupError is null ? stack.LatestStatus ?? "none yet" : "unknown";
            await console.Out.WriteLineAsync($"{stack.Stack.PadRight(stackWidth)}  {stack.Pipeline.PadRight(pipelineWidth)}  {latest}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
