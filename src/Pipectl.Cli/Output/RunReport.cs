using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>Everything one verb run reports: the JSON document of DESIGN.md and the text summary come from it.</summary>
public sealed record RunReport
{
    public required string Command { get; init; }

    public required string Stack { get; init; }

    public required string Region { get; init; }

    public string? Account { get; init; }

    public bool DryRun { get; init; }

    public IReadOnlyList<ResourceOutcome> Resources { get; init; } = [];

    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    public int ApiCallsTotal { get; init; }

    public int ApiCallsMutating { get; init; }

    /// <summary>Requests sent per AWS operation (retries included), e.g. DeleteObjects: 6.</summary>
    public IReadOnlyDictionary<string, int> ApiCallsByOperation { get; init; } = new Dictionary<string, int>();

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? Note { get; init; }

    /// <summary>The failure behind <see cref="ErrorCode"/>, for the JSON error's HTTP status and request id.</summary>
    public Exception? ErrorCause { get; init; }

    /// <summary>Every creating request of the run that succeeded (from the session's counter).</summary>
    public IReadOnlyList<Pipectl.Core.Provisioning.CreatedResource> CreatedByRequests { get; init; } = [];

    /// <summary>
    /// The resources to list: the run's outcomes, then anything a creating request made that no outcome
    /// names. A run stopped part way (a repository created, then its seeding failed) lists it as created.
    /// </summary>
    public IReadOnlyList<ResourceOutcome> Listed => [.. Resources, .. MadeButUnreported.MissingFrom(Resources, CreatedByRequests)];
}
