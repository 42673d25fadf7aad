using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Pipectl.Cli.Hosting;

/// <summary>System.CommandLine's help, then the verb's two examples (<see cref="VerbExamples"/>).</summary>
internal sealed class HelpWithExamples(HelpAction help) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var exit = help.Invoke(parseResult);
        var examples = VerbExamples.For(parseResult.CommandResult.Command.Name);
        if (examples.Count > 0 && parseResult.CommandResult.Command is not RootCommand)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }

            output.WriteLine();
        }

        return exit;
    }
}
