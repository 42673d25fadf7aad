using Pipectl.Core.StackFiles;

namespace Pipectl.Cli.Hosting;

/// <summary>
/// Which stack file a verb reads. <c>-f FILE</c> names it; without -f, <c>./pipectl.yaml</c> is used when it
/// exists (as Terraform and Copilot use their files). <c>--name</c> means "the stack of that name, from the
/// options": next to -f it is an error (exit 2, checked by the verb), and it wins over the default file,
/// which is then not read (a note on stderr says so).
/// </summary>
public static class DefaultStackFile
{
    /// <summary>The file to read, or null for none.</summary>
    public static string? Choose(string? explicitPath, string? name, CliConsole console)
    {
        if (explicitPath is not null || !File.Exists(StackFileParser.DefaultFileName))
        {
            return explicitPath;
        }

        if (!string.IsNullOrEmpty(name))
        {
            console.Error.WriteLine($"pipectl: --name {name} given, so ./{StackFileParser.DefaultFileName} is not read (to use it, drop --name or pass -f {StackFileParser.DefaultFileName} alone).");
            return null;
        }

        return StackFileParser.DefaultFileName;
    }
}
