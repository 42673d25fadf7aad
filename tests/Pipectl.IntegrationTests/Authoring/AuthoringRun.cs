using System.CommandLine;
using Pipectl.Cli.Authoring;
using Pipectl.Cli.Hosting;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Authoring;

/// <summary>
/// Runs <c>validate</c> and <c>init</c> in-process as <see cref="CliApp"/> does, with the folder they take as
/// "current" injected: no test changes the process's working directory, so they all run in parallel.
/// </summary>
public static class AuthoringRun
{
    public static async Task<CliRun> InAsync(string workingDirectory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = CliConsole.Captured(stdout, stderr);
        var options = new GlobalOptions();
        var root = new RootCommand("pipectl");
        foreach (var verb in AuthoringVerbs.All(options, console, () => workingDirectory))
        {
            CliApp.AddVerb(root, options, verb);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return new CliRun(ExitCodes.BadInput, string.Empty, string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message)));
        }

        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, CancellationToken.None);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
