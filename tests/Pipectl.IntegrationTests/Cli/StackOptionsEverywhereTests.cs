using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Stacks;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// The options a stack was made with can be passed to every stack verb (the README tells users to): each stack verb
/// parses each stack option, and ignores those it does not need.
/// </summary>
public sealed class StackOptionsEverywhereTests
{
    /// <summary>Every verb that acts on one stack.</summary>
    public static TheoryData<string> StackVerbs =>
    [
        "plan", "bootstrap", "create-repo", "create-buckets", "create-build", "create-pipeline", "wire-trigger", "teardown",
        "export", "status", "start", "approve", "reject", "logs",
    ];

    private static RootCommand Root => CliApp.BuildRoot(new GlobalOptions(), CliConsole.Captured(TextWriter.Null, TextWriter.Null));

    /// <summary>A value the option's parser takes, or none for a switch.</summary>
    private static string[] Arguments(Option option) => option.ValueType == typeof(bool)
        ? [option.Name]
        : option.ValueType == typeof(int?) ? [option.Name, "5"] : [option.Name, "value"];

    [Theory]
    [MemberData(nameof(StackVerbs))]
    public void Each_stack_verb_parses_each_stack_option(string verb)
    {
        var options = new StackOptions().All;
        var refused = options
            .Select(o => (Option: o.Name, Errors: Root.Parse([verb, .. Arguments(o)]).Errors))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Option}: {string.Join("; ", r.Errors.Select(e => e.Message))}")
            .ToList();

        Assert.True(options.Count > 40, $"only {options.Count} stack options");
        Assert.True(refused.Count == 0, $"{verb} refuses: {string.Join(" | ", refused)}");
    }

    [Fact]
    public void Every_stack_verb_takes_the_same_stack_options()
    {
        var root = Root;
        var stack = new StackOptions().All.Select(o => o.Name).ToHashSet();

        foreach (var verb in StackVerbs)
        {
            var command = root.Subcommands.Single(c => c.Name == verb);
            Assert.True(stack.IsSubsetOf(command.Options.Select(o => o.Name)), verb);
            var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToList();
            Assert.True(names.Count == names.Distinct().Count(), $"{verb} defines an option twice");
        }
    }

    [Theory]
    [InlineData("status --source github:octo/site --name shop")]
    [InlineData("teardown --private-site --name shop")]
    [InlineData("logs --deploy ecs --ecs-cluster c --ecs-service s --name shop")]
    [InlineData("approve --test-buildspec tests.yml --name shop")]
    public void The_options_the_issue_names_parse(string line)
    {
        Assert.Empty(Root.Parse(line.Split(' ')).Errors);
    }
}
