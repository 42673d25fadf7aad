using Pipectl.Core.Orchestration;
using Pipectl.Core.StackFiles;

namespace Pipectl.Core.Engine;

/// <summary>
/// One run of a stack verb, as the interface (the CLI) read it: which stack (a stack file and --env, or a name), in
/// which region, with which overrides, and what the verb does (apply some parts, or tear down). The local files are
/// already read and checked; nothing in it has been sent anywhere.
/// </summary>
public sealed record StackRunRequest
{
    /// <summary>The verb (bootstrap, create-build, plan, teardown...), for the lines that name it.</summary>
    public required string Command { get; init; }

    /// <summary>The parts an apply converges (all for bootstrap, plan and teardown).</summary>
    public StackParts Parts { get; init; } = StackParts.All;

    public required string StackName { get; init; }

    public required string Region { get; init; }

    /// <summary>The stack file, or null for a stack named by --name alone.</summary>
    public StackFile? File { get; init; }

    /// <summary>The stack file's path as given (for the commands a hint suggests).</summary>
    public string? FilePath { get; init; }

    /// <summary>--env: only this environment.</summary>
    public string? Environment { get; init; }

    /// <summary>What the command line says over the stack file (or the stack's record).</summary>
    public StackOverrides Overrides { get; init; } = new();

    public bool DryRun { get; init; }

    /// <summary>A teardown's options; null for an apply.</summary>
    public TeardownRequest? Teardown { get; init; }

    /// <summary>--seed: the files of the branch's first commit.</summary>
    public IReadOnlyList<SeedFile>? SeedFiles { get; init; }

    /// <summary>--test-input was given (the stack must then have a Test stage).</summary>
    public bool TestInputGiven { get; init; }

    /// <summary>--require-approval broadening: ask (<see cref="IStackRunHost.ConfirmWideningAsync"/>) before an update that widens permissions.</summary>
    public bool AskBeforeWidening { get; init; }

    /// <summary>--skip-permission-check.</summary>
    public bool SkipPermissionCheck { get; init; }

    /// <summary>--allow-delete: remove what the stack no longer has without asking.</summary>
    public bool AllowDelete { get; init; }

    /// <summary>--delete-images, --delete-repo, --delete-buckets: a removed part's data goes with it.</summary>
    public bool DeleteImages { get; init; }

    public bool DeleteRepository { get; init; }

    public bool DeleteBuckets { get; init; }

    /// <summary>--wait-connection: wait until a new connection is AVAILABLE.</summary>
    public bool WaitConnection { get; init; }

    public bool IsTeardown => Teardown is not null;
}

/// <summary>The options of a teardown: <paramref name="Yes"/> deletes without asking; <paramref name="NoWait"/> leaves a CloudFront distribution disabled.</summary>
public sealed record TeardownRequest(bool Yes, bool KeepRepository, bool KeepBuckets, bool KeepConnection)
{
    public bool NoWait { get; init; }

    public bool DeleteImages { get; init; }
}
