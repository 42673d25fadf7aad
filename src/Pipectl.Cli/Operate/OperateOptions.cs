using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Operate;

/// <summary>The options of the operator verbs (status, start, approve, reject, list), defined once.</summary>
public sealed class OperateOptions
{
    /// <summary>How long a watch waits between two looks when not told otherwise.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    public Option<string?> Name { get; } = new(StackOptionNames.Name) { Description = "Stack name (the pipeline is <name>-pipeline); required unless -f or ./pipectl.yaml names it" };

    public Option<string?> File { get; } = new("--file", "-f") { Description = "A stack file naming the stack (default: ./pipectl.yaml when present and --name is not given)" };

    public Option<string?> Environment { get; } = new("--env") { Description = "The environment of the stack file whose pipeline to use" };

    /// <summary>Adds the options that say which pipeline a verb acts on.</summary>
    public void AddTargetTo(Command command)
    {
        foreach (var option in new Option[] { Name, PipelineName, File, Environment })
        {
            command.Options.Add(option);
        }
    }

    public Option<string?> PipelineName { get; } = new(StackOptionNames.PipelineName) { Description = "Pipeline (default: <name>-pipeline)" };

    public Option<bool> Watch { get; } = new("--watch") { Description = "Follow the execution until it settles: exit 0 when it succeeded, 1 when it failed or was stopped (stops at --timeout)" };

    /// <summary>Hidden: tests set it to 0 so a scripted watch never sleeps.</summary>
    public Option<TimeSpan> PollInterval { get; } = new("--poll-interval")
    {
        Description = "How long --watch waits between two looks (default 5s)",
        Hidden = true,
        DefaultValueFactory = _ => DefaultPollInterval,
        CustomParser = result => Durations.ParsePollInterval(result, DefaultPollInterval),
    };

    public Option<string?> Comment { get; } = new("--comment") { Description = "The approval summary recorded with the decision (at most 512 characters)" };

    public Option<string?> Stage { get; } = new("--stage") { Description = "Only the approval waiting in this stage (when several wait)" };
}
