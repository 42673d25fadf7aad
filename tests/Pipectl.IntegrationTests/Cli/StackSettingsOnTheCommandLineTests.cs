using System.CommandLine;
using System.CommandLine.Completions;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Stacks;
using Pipectl.Core.Settings;
using Pipectl.IntegrationTests.Authoring;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Every setting declared in <see cref="StackSettings"/> with an option is on the command line as declared (name,
/// alias, help text, value type, completion values), and docs/options.md names each option with its stack-file key.
/// </summary>
public sealed class StackSettingsOnTheCommandLineTests
{
    private static readonly RootCommand Root = CliApp.BuildRoot(new GlobalOptions(), CliConsole.Captured(TextWriter.Null, TextWriter.Null));

    private static readonly string[] StackVerbs =
    [
        "plan", "bootstrap", "create-repo", "create-buckets", "create-build", "create-pipeline", "wire-trigger", "teardown",
        "export", "status", "start", "approve", "reject", "logs",
    ];

    public static TheoryData<string> Options() => [.. StackSettings.All.Select(s => s.Option).OfType<string>()];

    [Theory]
    [MemberData(nameof(Options))]
    public void Each_declared_option_is_on_the_command_line_as_declared(string name)
    {
        var setting = StackSettings.All.Single(s => s.Option == name);
        var verbs = setting.Place switch
        {
            SettingPlace.StackVerbs => StackVerbs,
            SettingPlace.Global => StackVerbs.Where(v => v != "export").ToArray(),
            _ => ["bootstrap", "plan"],
        };

        foreach (var verb in verbs)
        {
            var option = Root.Subcommands.Single(c => c.Name == verb).Options.SingleOrDefault(o => o.Name == name);
            Assert.True(option is not null, $"{verb} has no {name}");
            if (setting.Place == SettingPlace.Global)
            {
                continue;
            }

            Assert.Equal(setting.Description, option.Description);
            Assert.Equal(setting.Alias is null ? [] : [setting.Alias], option.Aliases);
            Assert.Equal(Expected(setting.Kind), option.ValueType);
            Assert.Equal(setting.Values.Order(StringComparer.Ordinal), option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Where(setting.Values.Contains).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_stack_options_are_the_declared_ones_with_nothing_left_out()
    {
        var declared = StackSettings.All.Where(s => s.Place == SettingPlace.StackVerbs).Select(s => s.Option!).Order(StringComparer.Ordinal);

        Assert.Equal(declared, new StackOptions().All.Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_declared_choice_completes_to_its_values_only()
    {
        var options = new StackOptions();
        foreach (var setting in StackSettings.All.Where(s => s.Kind == SettingKind.Choice && s.Option is not null))
        {
            Assert.Equal(setting.Values.Order(StringComparer.Ordinal), options.For(setting).GetCompletions(CompletionContext.Empty).Select(c => c.Label).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Docs_options_names_every_option_with_its_stack_file_key()
    {
        var lines = File.ReadAllLines(RepositoryRoot.Of("docs/options.md"));

        foreach (var setting in StackSettings.All.Where(s => s.Option is not null))
        {
            var row = lines.FirstOrDefault(l => l.StartsWith($"| `{setting.Option}`", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/options.md has no row for {setting.Option}");
            Assert.Contains(setting.FileKey is null ? "|  |" : $"| `{setting.FileKey}` |", row, StringComparison.Ordinal);
        }
    }

    private static Type Expected(SettingKind kind) => kind switch
    {
        SettingKind.Flag => typeof(bool),
        SettingKind.Number => typeof(int?),
        SettingKind.List => typeof(string[]),
        _ => typeof(string),
    };
}
