using System.Text;

namespace Pipectl.Cli.Commands;

/// <summary>The completion script of each shell, written from a <see cref="CompletionTree"/>.</summary>
public static class CompletionScripts
{
    public static string Bash(CompletionTree tree)
    {
        var s = new StringBuilder();
        s.AppendLine("# pipectl completion for bash. Install: source <(pipectl completion bash)   (e.g. in ~/.bashrc)");
        s.AppendLine("_pipectl() {");
        s.AppendLine("  local cur prev verb i");
        s.AppendLine("  cur=\"${COMP_WORDS[COMP_CWORD]}\"");
        s.AppendLine("  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"");
        s.AppendLine("  verb=\"\"");
        s.AppendLine("  for ((i=1; i<COMP_CWORD; i++)); do");
        s.AppendLine("    case \"${COMP_WORDS[i]}\" in -*) ;; *) verb=\"${COMP_WORDS[i]}\"; break ;; esac");
        s.AppendLine("  done");
        s.AppendLine("  if [[ -z \"$verb\" ]]; then");
        s.AppendLine($"    COMPREPLY=( $(compgen -W \"{string.Join(' ', tree.Verbs.Select(v => v.Name))}\" -- \"$cur\") )");
        s.AppendLine("    return");
        s.AppendLine("  fi");
        s.AppendLine("  case \"$prev\" in");
        foreach (var (option, values) in tree.Values)
        {
            s.AppendLine($"    {option}) COMPREPLY=( $(compgen -W \"{string.Join(' ', values)}\" -- \"$cur\") ); return ;;");
        }

        var fileOptions = tree.Verbs.SelectMany(v => v.Options).Where(o => o.TakesValue && o.Values.Count == 0).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (fileOptions.Count > 0)
        {
            s.AppendLine($"    {string.Join('|', fileOptions)}) COMPREPLY=( $(compgen -f -- \"$cur\") ); return ;;");
        }

        s.AppendLine("  esac");
        s.AppendLine("  case \"$verb\" in");
        foreach (var verb in tree.Verbs)
        {
            var words = verb.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().Concat(verb.ArgumentValues).Append("--help");
            s.AppendLine($"    {verb.Name}) COMPREPLY=( $(compgen -W \"{string.Join(' ', words)}\" -- \"$cur\") ) ;;");
        }

        s.AppendLine("  esac");
        s.AppendLine("}");
        s.AppendLine("complete -o default -F _pipectl pipectl");
        return s.ToString();
    }

    public static string Zsh(CompletionTree tree)
    {
        var s = new StringBuilder();
        s.AppendLine("#compdef pipectl");
        s.AppendLine("# pipectl completion for zsh. Install: pipectl completion zsh > \"${fpath[1]}/_pipectl\"  (or source it after compinit)");
        s.AppendLine("_pipectl() {");
        s.AppendLine("  local -a verbs");
        s.AppendLine("  verbs=(");
        foreach (var verb in tree.Verbs)
        {
            s.AppendLine($"    {Quote($"{verb.Name}:{verb.Description}")}");
        }

        s.AppendLine("  )");
        s.AppendLine("  if (( CURRENT == 2 )); then");
        s.AppendLine("    _describe 'command' verbs");
        s.AppendLine("    return");
        s.AppendLine("  fi");
        s.AppendLine("  case ${words[CURRENT-1]} in");
        foreach (var (option, values) in tree.Values)
        {
            s.AppendLine($"    {option}) compadd -- {string.Join(' ', values)}; return ;;");
        }

        s.AppendLine("  esac");
        s.AppendLine("  case ${words[2]} in");
        foreach (var verb in tree.Verbs)
        {
            var words = verb.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().Concat(verb.ArgumentValues).Append("--help");
            s.AppendLine($"    {verb.Name}) compadd -- {string.Join(' ', words)} ;;");
        }

        s.AppendLine("  esac");
        s.AppendLine("}");
        s.AppendLine("if [[ \"${funcstack[1]}\" == \"_pipectl\" ]]; then _pipectl \"$@\"; else compdef _pipectl pipectl; fi");
        return s.ToString();
    }

    public static string Fish(CompletionTree tree)
    {
        var s = new StringBuilder();
        s.AppendLine("# pipectl completion for fish. Install: pipectl completion fish > ~/.config/fish/completions/pipectl.fish");
        s.AppendLine("complete -c pipectl -f");
        foreach (var verb in tree.Verbs)
        {
            s.AppendLine($"complete -c pipectl -n __fish_use_subcommand -a {verb.Name} -d {Quote(verb.Description)}");
        }

        foreach (var verb in tree.Verbs)
        {
            var when = $"-n '__fish_seen_subcommand_from {verb.Name}'";
            foreach (var option in verb.Options)
            {
                var shortName = option.Aliases.FirstOrDefault(a => a.Length == 2 && a[0] == '-' && a[1] != '-');
                var names = $"-l {option.Name.TrimStart('-')}{(shortName is null ? string.Empty : $" -s {shortName[1]}")}";
                var value = option.Values.Count > 0 ? $" -x -a {Quote(string.Join(' ', option.Values))}" : option.TakesValue ? " -r -F" : string.Empty;
                s.AppendLine($"complete -c pipectl {when} {names}{value} -d {Quote(option.Description)}");
            }

            if (verb.ArgumentValues.Count > 0)
            {
                s.AppendLine($"complete -c pipectl {when} -a {Quote(string.Join(' ', verb.ArgumentValues))}");
            }
        }

        return s.ToString();
    }

    public static string PowerShell(CompletionTree tree)
    {
        var s = new StringBuilder();
        s.AppendLine("# pipectl completion for PowerShell. Install: pipectl completion pwsh | Out-String | Invoke-Expression   (e.g. in $PROFILE)");
        s.AppendLine("Register-ArgumentCompleter -Native -CommandName pipectl -ScriptBlock {");
        s.AppendLine("    param($wordToComplete, $commandAst, $cursorPosition)");
        s.AppendLine("    $verbs = @{");
        foreach (var verb in tree.Verbs)
        {
            var words = verb.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().Concat(verb.ArgumentValues).Append("--help");
            s.AppendLine($"        '{verb.Name}' = @({string.Join(", ", words.Select(w => $"'{w}'"))})");
        }

        s.AppendLine("    }");
        s.AppendLine("    $values = @{");
        foreach (var (option, values) in tree.Values)
        {
            s.AppendLine($"        '{option}' = @({string.Join(", ", values.Select(v => $"'{v}'"))})");
        }

        s.AppendLine("    }");
        s.AppendLine("    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })");
        s.AppendLine("    if ($wordToComplete) { $words = @($words | Select-Object -SkipLast 1) }");
        s.AppendLine("    $verb = $words | Where-Object { -not $_.StartsWith('-') } | Select-Object -First 1");
        s.AppendLine("    $previous = if ($words.Count -gt 0) { $words[-1] } else { '' }");
        s.AppendLine("    $candidates = if (-not $verb) { $verbs.Keys } elseif ($values.ContainsKey($previous)) { $values[$previous] } else { $verbs[$verb] }");
        s.AppendLine("    $candidates | Where-Object { $_ -like \"$wordToComplete*\" } | Sort-Object | ForEach-Object {");
        s.AppendLine("        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)");
        s.AppendLine("    }");
        s.AppendLine("}");
        return s.ToString();
    }

    /// <summary>A single-quoted shell word (fish, zsh): a quote inside is closed, escaped and reopened.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
