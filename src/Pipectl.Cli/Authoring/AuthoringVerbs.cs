using System.CommandLine;
using Pipectl.Cli.Hosting;

namespace Pipectl.Cli.Authoring;

/// <summary>The verbs that work on local files only and never call AWS: <c>validate</c> and <c>init</c>.</summary>
public static class AuthoringVerbs
{
    /// <summary>The verbs, working in the process's current folder.</summary>
    public static IEnumerable<Command> All(GlobalOptions options, CliConsole console) =>
        All(options, console, Directory.GetCurrentDirectory);

    /// <summary>The verbs, working in the folder <paramref name="workingDirectory"/> names when they run (tests pass a temporary folder).</summary>
    public static IEnumerable<Command> All(GlobalOptions options, CliConsole console, Func<string> workingDirectory) =>
    [
        ValidateCommand.Create(options, console, workingDirectory),
        InitCommand.Create(options, console, workingDirectory),
    ];
}
