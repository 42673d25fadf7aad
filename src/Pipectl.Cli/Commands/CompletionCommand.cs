using System.CommandLine;
using System.CommandLine.Completions;
using Pipectl.Cli.Hosting;

namespace Pipectl.Cli.Commands;

/// <summary>
/// <c>pipectl completion bash|zsh|fish|pwsh</c>: prints a script to source that completes verbs, their
/// options and fixed option values. It is generated from the command tree itself, so it never drifts.
/// </summary>
public static class CompletionCommand
{
    /// <summary>The shells a script is written for.</summary>
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish", "pwsh"];

    public static Command Create(RootCommand root, CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or pwsh" };
        shell.AcceptOnlyFromAmong([.. Shells]);
        var command = new Command("completion", "Print a shell completion script (verbs, options, option values) to source in your shell's startup file.");
        command.Arguments.Add(shell);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var tree = CompletionTree.From(root);
            var script = parse.GetValue(shell) switch
            {
                "bash" => CompletionScripts.Bash(tree),
                "zsh" => CompletionScripts.Zsh(tree),
                "fish" => CompletionScripts.Fish(tree),
                _ => CompletionScripts.PowerShell(tree),
            };
            await console.Out.WriteAsync(script).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>What completion offers: every visible verb with its description, options and their fixed values.</summary>
public sealed record CompletionTree(IReadOnlyList<CompletionVerb> Verbs)
{
    public static CompletionTree From(RootCommand root) => new([.. root.Subcommands.Where(c => !c.Hidden).Select(CompletionVerb.From)]);

    /// <summary>Every option that takes a fixed set of values, with those values (the same in every verb).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values =>
        Verbs.SelectMany(v => v.Options).Where(o => o.Values.Count > 0).GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Values);
}

/// <summary>One verb: name, description, options (and, for <c>completion</c>, its argument's values).</summary>
public sealed record CompletionVerb(string Name, string Description, IReadOnlyList<CompletionOption> Options, IReadOnlyList<string> ArgumentValues)
{
    public static CompletionVerb From(Command command) => new(
        command.Name,
        command.Description ?? string.Empty,
        [.. command.Options.Where(o => !o.Hidden && o is not System.CommandLine.Help.HelpOption).Select(CompletionOption.From)],
        [.. command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label)]);
}

/// <summary>One option: its long name, aliases, description, whether it takes a value, and its fixed values.</summary>
public sealed record CompletionOption(string Name, IReadOnlyList<string> Aliases, string Description, bool TakesValue, IReadOnlyList<string> Values)
{
    public static CompletionOption From(Option option) => new(
        option.Name,
        [.. option.Aliases],
        option.Description ?? string.Empty,
        option.ValueType != typeof(bool),
        option.ValueType == typeof(bool) ? [] : [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)]);
}
