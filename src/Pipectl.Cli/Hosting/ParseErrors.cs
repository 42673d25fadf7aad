using System.CommandLine;
using System.CommandLine.Parsing;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Hosting;

/// <summary>
/// A parse error as one line a person can act on: an unknown verb or option gets the closest known one
/// ("did you mean bootstrap?").
/// </summary>
public static class ParseErrors
{
    public static IEnumerable<string> Lines(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command is RootCommand && parse.UnmatchedTokens.FirstOrDefault() is { } first && !first.StartsWith('-'))
        {
            // A mistyped verb: the words after it are that verb's options, so its one line says it all.
            yield return UnknownWord(command, first);
            yield break;
        }

        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var unknownOption = false;
        foreach (var error in parse.Errors)
        {
            var token = unmatched.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            if (token is null)
            {
                yield return error.Message;
                continue;
            }

            unmatched.Remove(token);
            if (token.StartsWith('-'))
            {
                unknownOption = true;
                yield return UnknownOption(command, token);
            }
            else if (!unknownOption || command is RootCommand)
            {
                // After an unknown option, a stray word is most likely its value: one line says it all.
                yield return UnknownWord(command, token);
            }
        }
    }

    private static string UnknownOption(Command command, string token)
    {
        var name = token.Split('=', 2)[0];
        var known = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(a => a.StartsWith("--", StringComparison.Ordinal));
        var where = command is RootCommand ? "pipectl" : $"pipectl {command.Name}";
        return KeySuggestion.Closest(name, known) is { } closest
            ? $"unknown option {name} for {where}; did you mean {closest}?"
            : $"unknown option {name} for {where} (see pipectl {(command is RootCommand ? string.Empty : command.Name + " ")}--help)";
    }

    private static string UnknownWord(Command command, string token)
    {
        if (command is RootCommand)
        {
            return KeySuggestion.Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)) is { } verb
                ? $"unknown command \"{token}\"; did you mean {verb}?"
                : $"unknown command \"{token}\" (pipectl --help lists the commands)";
        }

        return $"unexpected argument \"{token}\" for pipectl {command.Name} (it takes options only; see pipectl {command.Name} --help)";
    }
}
