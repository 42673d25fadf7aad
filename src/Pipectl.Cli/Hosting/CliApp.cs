using System.CommandLine;
using System.Runtime.InteropServices;
using Pipectl.Cli.Commands;

namespace Pipectl.Cli.Hosting;

/// <summary>The composition root: builds the command tree, parses, runs one verb, returns its exit code.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        // Everything printed from here on passes one sanitizer (control characters, escape sequences, URL passwords).
        console = console.Sanitized();
        var options = new GlobalOptions();
        var root = BuildRoot(options, console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"pipectl: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'pipectl --help' for usage.").ConfigureAwait(false);
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
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        foreach (var verb in Verbs.All(options, console))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }
}
