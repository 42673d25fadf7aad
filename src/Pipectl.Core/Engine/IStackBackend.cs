using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Engine;

/// <summary>
/// The account a stack run works on, as the engine (<see cref="StackEngine"/>) sees it: the caller, the drivers of the
/// stack's resources, the tag search that finds a stack, the stack's record, the deployed stages, the permission
/// check and the contents of what a deletion would lose. Pipectl.Aws implements it on an AWS session; the engine
/// never names an AWS type. Opened after the local input is checked, disposed when the run ends.
/// </summary>
public interface IStackBackend : IDisposable
{
    /// <summary>Whether credentials can be found (resolves them; sends nothing).</summary>
    bool HasCredentials();

    /// <summary>Throws the typed "no credentials" failure (exit 2) when none can be found.</summary>
    void RequireCredentials();

    /// <summary>The caller (STS GetCallerIdentity).</summary>
    Task<CallerIdentity> CallerAsync(CancellationToken cancellationToken);

    /// <summary>Drivers that report no progress (see <see cref="IAccountDrivers.ReportingTo"/>); those that need the account wait for <paramref name="account"/>.</summary>
    IAccountDrivers Drivers(Task<string> account, bool deleteImages);

    /// <summary>Everything tagged as the stack's in the region (docs/stack-discovery.md).</summary>
    Task<FoundStack> FindAsync(string stackName, string region, CancellationToken cancellationToken);

    /// <summary>The stack's record (docs/stack-record.md), or null when it has none.</summary>
    Task<StackRecord?> ReadRecordAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>Writes the record (a new one when <paramref name="exists"/> is false) and returns it as stored.</summary>
    Task<StackRecord> WriteRecordAsync(StackRecord record, bool exists, CancellationToken cancellationToken);

    /// <summary>Deletes the stack's record (nothing when there is none).</summary>
    Task DeleteRecordAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>The stages and projects the deployed pipeline of <paramref name="spec"/> runs.</summary>
    Task<DeployedStages> ReadDeployedStagesAsync(StackSpec spec, CancellationToken cancellationToken);

    /// <summary>The caller's identity policies simulated on <paramref name="writes"/>.</summary>
    Task<PermissionCheckResult> CheckPermissionsAsync(string callerArn, IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken);

    /// <summary>What a repository and a bucket hold (what a deletion would lose).</summary>
    IStackContents Contents { get; }

    /// <summary>Waits until the connection is no longer PENDING; <paramref name="progress"/> hears each status read. Returns the last status.</summary>
    Task<string> WaitForConnectionAsync(string connectionArn, Action<string, TimeSpan> progress, CancellationToken cancellationToken);

    /// <summary>A short account of <paramref name="failure"/> when it is a failed request to the account, or null for any other exception.</summary>
    string? RequestFailureText(Exception failure);

    /// <summary>The requests sent so far.</summary>
    RequestTally Tally { get; }
}

/// <summary>The drivers of one account, with the reads the engine needs besides them.</summary>
public interface IAccountDrivers : IStackDrivers
{
    /// <summary>The same drivers (and what they have read), reporting to <paramref name="progress"/>.</summary>
    IAccountDrivers ReportingTo(IStackProgress progress, bool noWait = false);

    /// <summary>The account's Block Public Access, for the preflight of a public site.</summary>
    Pipectl.Core.Resources.IAccountPublicAccess AccountPublicAccess { get; }
}

/// <summary>What a repository and a bucket hold: the counts a deletion would lose.</summary>
public interface IStackContents
{
    Task<int> CountBranchesAsync(string repositoryName, CancellationToken cancellationToken);

    /// <summary>The objects (and versions) in <paramref name="bucket"/>, up to a limit: <c>More</c> when there are more.</summary>
    Task<(int Count, bool More)> CountObjectsAsync(string bucket, CancellationToken cancellationToken);
}

/// <summary>The requests a run sent: in all, the mutating ones, per operation, and what each creating request made.</summary>
public sealed record RequestTally(int Total, int Mutating, IReadOnlyDictionary<string, int> ByOperation, IReadOnlyList<CreatedResource> Created)
{
    public static RequestTally None { get; } = new(0, 0, new SortedDictionary<string, int>(), []);
}
