using Pipectl.Core.StackFiles;

namespace Pipectl.Cli.Hosting;

/// <summary>
/// Which stack a verb acts on: <see cref="StackSelection.Choose"/> (the one set of rules for -f, --name and --env)
/// given whether <c>./pipectl.yaml</c> exists, with its note (the default file skipped for --name) on stderr.
/// </summary>
public static class DefaultStackFile
{
    /// <summary>The selection of <paramref name="file"/>, <paramref name="name"/> and <paramref name="environment"/>; a broken rule throws <see cref="StackSelectionException"/> (exit 2).</summary>
    public static StackSelection Select(string? file, string? name, string? environment, CliConsole console, bool environmentByTags = false)
    {
        var selection = StackSelection.Choose(new StackSelectionRequest
        {
            File = file,
            Name = name,
            Environment = environment,
            DefaultFileExists = file is null && File.Exists(StackFileParser.DefaultFileName),
            EnvironmentByTags = environmentByTags,
        });
        if (selection.Note is { } note)
        {
            console.Error.WriteLine($"pipectl: {note}");
        }

        return selection;
    }
}
