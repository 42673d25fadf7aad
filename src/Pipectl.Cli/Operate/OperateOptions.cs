using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Stacks;

namespace Pipectl.Cli.Operate;

/// <summary>The options of the operator verbs (status, start, approve, reject, list), defined once.</summary>
public sealed class OperateOptions
{
    /// <summary>How long a watch waits between two looks when not told otherwise.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The stack options: an operator verb takes every one (the options a stack was made with can be passed to any verb) and reads only those that choose the pipeline.</summary>
    public StackOptions Stack { get; } = new();

    public Option<string?> Name => Stack.Name;

    public Option<string?> File => Stack.File;

    public Option<string?> Environment => Stack.Environment;

    public Option<string?> PipelineName => Stack.PipelineName;

    /// <summary>Adds every stack option (those that say which pipeline a verb acts on, and the rest, ignored).</summary>
    public void AddTargetTo(Command command)
    {
        Stack.AddTo(command);
        command.Description += " Takes every stack option; only -f, --name, --env and --pipeline-name are read, the others are ignored.";
    }

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
