using Pipectl.Aws.Session;

namespace Pipectl.Aws.Diagnostics;

/// <summary>
/// What the probes of one <c>pipectl doctor</c> run share: the session, the account once STS has named it (S3 Control
/// needs it in its host), and the region's connections that the CodeConnections probe lists.
/// </summary>
public sealed class ServiceProbe(AwsSession session, CancellationToken cancellationToken)
{
    /// <summary>The name every probe asks for: a "not found" reply for it proves the service answers.</summary>
    public const string Name = "pipectl-doctor-probe";

    private readonly TaskCompletionSource<string> _account = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AwsSession Session => session;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The account STS named; faults with STS's own failure when it did not answer.</summary>
    public Task<string> AccountAsync => _account.Task;

    public string? Account => _account.Task.IsCompletedSuccessfully ? _account.Task.Result : null;

    public IReadOnlyList<ConnectionCheck> Connections { get; set; } = [];

    /// <summary>The caller's ARN as STS named it (for the permission check), or null.</summary>
    public string? CallerArn { get; set; }

    public void AccountFound(string account) => _account.TrySetResult(account);

    public void AccountFailed(Exception failure) => _account.TrySetException(failure);
}
