using Pipectl.Aws.CodeConnections;
using Pipectl.Core.Sources;

namespace Pipectl.Aws.Operations;

/// <summary>
/// Waits for a connection to leave PENDING (<c>--wait-connection</c>): one GetConnection per poll, each state
/// reported to <c>progress</c>, until AVAILABLE or ERROR, or until the token (Ctrl-C, <c>--timeout</c>) ends it.
/// </summary>
public sealed class ConnectionWaiter(CodeConnectionsClient connections, TimeSpan pollInterval, TimeProvider? clock = null)
{
    /// <summary>The poll interval pipectl uses: the handshake takes a person a minute or more.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The status the connection settled in: AVAILABLE or ERROR.</summary>
    public async Task<string> WaitAsync(string connectionArn, Action<string, TimeSpan> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var started = _clock.GetTimestamp();
        while (true)
        {
            var status = (await connections.GetConnectionAsync(connectionArn, cancellationToken).ConfigureAwait(false)).Connection?.ConnectionStatus ?? string.Empty;
            progress(status, _clock.GetElapsedTime(started));
            if (status != ConnectionConsole.Pending)
            {
                return status;
            }

            await Task.Delay(pollInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
