using System.CommandLine;
using Pipectl.Cli.Hosting;

namespace Pipectl.Cli.Commands;

/// <summary>Every verb of the CLI, in the order help lists them.</summary>
public static class Verbs
{
    public static IEnumerable<Command> All(GlobalOptions options, CliConsole console) =>
    [
        .. Stacks.StackVerbs.All(options, console),
        DoctorCommand.Create(options, console),
        .. Authoring.AuthoringVerbs.All(options, console),
        .. Operate.OperateVerbs.All(options, console),
        Export.ExportCommand.Create(options, console),
    ];
}
