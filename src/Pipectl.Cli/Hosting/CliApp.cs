using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using Pipectl.Cli.Commands;

namespace Pipectl.Cli.Hosting;

/// <summary>The composition root: builds the command tree, parses, runs one verb, returns its exit code.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        // Everything printed from here on passes one sanitizer (control characters, escape sequences, URL passwords).
        console = console.Sanitized(EndpointUrls.SecretsOf(EndpointUrls.SettingsIn(args, Environment.GetEnvironmentVariables())));
        var options = new GlobalOptions();
        var root = BuildRoot(options, console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpWithExamples)
        {
            foreach (var line in ParseErrors.Lines(parse))
            {
                await console.Error.WriteLineAsync($"pipectl: {line}").ConfigureAwait(false);
            }

            // At the top level every line already says where help is (or which verb was meant).
            var verb = parse.CommandResult.Command is RootCommand ? string.Empty : parse.CommandResult.Command.Name;
            if (verb.Length > 0)
            {
                await console.Error.WriteLineAsync($"Run 'pipectl {verb} --help' for usage.").ConfigureAwait(false);
            }

            if (AsksForJson(args))
            {
                // A script that asked for JSON gets its one document even when the command line is wrong.
                var line = string.Join(" ", ParseErrors.Lines(parse));
                await console.Out.WriteLineAsync(Output.JsonText.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("command", verb.Trim());
                    Output.ErrorJson.WriteMember(writer, Pipectl.Core.Validation.ErrorCodes.BadInput, line, null);
                    writer.WriteEndObject();
                })).ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellation.Token).ConfigureAwait(false);
    }

    public static RootCommand BuildRoot(GlobalOptions options, CliConsole console)
    {
        var root = new RootCommand("pipectl: stand up, show and tear down an AWS delivery pipeline (CodeCommit -> CodeBuild -> CodePipeline -> S3 website).");
        foreach (var verb in Verbs.All(options, console))
        {
            AddVerb(root, options, verb);
        }

        root.Subcommands.Add(CompletionCommand.Create(root, console));

        // Every verb's help ends with its examples; a bare `pipectl` prints the help (exit 0) instead of
        // "required command was not provided".
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction helpAction)
        {
            var withExamples = new HelpWithExamples(helpAction);
            help.Action = withExamples;
            root.SetAction(parse => withExamples.Invoke(parse));
        }

        return root;
    }

    /// <summary>True when the command line says --output json (read from the raw arguments: it did not parse).</summary>
    private static bool AsksForJson(string[] args) =>
        args.Zip(args.Skip(1)).Any(pair => pair.First == "--output" && string.Equals(pair.Second, "json", StringComparison.OrdinalIgnoreCase))
        || args.Any(a => string.Equals(a, "--output=json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds a verb with the global options it uses (only those, so its help lists only those).</summary>
    public static void AddVerb(RootCommand root, GlobalOptions options, Command verb)
    {
        foreach (var option in options.For(verb.Name))
        {
            verb.Options.Add(option);
        }

        root.Subcommands.Add(verb);
    }
}
