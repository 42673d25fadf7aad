using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Sources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Engine;

/// <summary>
/// After a run that converged a connection: when it is not AVAILABLE, tell the account owner exactly where to
/// finish the handshake (stderr), and with <c>--wait-connection</c> wait for it with progress. The run still
/// succeeds while the connection is PENDING: everything else exists, and the pipeline's source fails until it is done.
/// </summary>
internal sealed class ConnectionFollowUp(IStackRunHost host, IStackBackend backend, bool wait, string stackArguments)
{
    /// <summary>A progress line at most this often while the status stays the same.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);

    /// <summary>The run's outputs, with the connection's status as it ended.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RunAsync(StackSpec spec, ConnectionSource source, IReadOnlyDictionary<string, string> outputs, CancellationToken cancellationToken)
    {
        if (!outputs.TryGetValue(StackOutputs.ConnectionStatus, out var status) || status == ConnectionConsole.Available)
        {
            return outputs;
        }

        var arn = outputs[StackOutputs.ConnectionArn];
        var name = spec.ConnectionArn is null ? spec.ConnectionName : arn;
        foreach (var line in ConnectionConsole.Steps(name, source.ProviderType, spec.Region, stackArguments))
        {
            await host.NoticeAsync($"pipectl: {line}").ConfigureAwait(false);
        }

        if (!wait)
        {
            return outputs;
        }

        string? shown = null;
        var lastShown = TimeSpan.Zero;
        var settled = await backend.WaitForConnectionAsync(arn, (now, waited) =>
        {
            if (now != shown || waited - lastShown >= ProgressEvery)
            {
                (shown, lastShown) = (now, waited);
                host.NoticeAsync($"pipectl: waiting for connection {name}: {now} ({waited.TotalSeconds:0} s)").GetAwaiter().GetResult();
            }
        }, cancellationToken).ConfigureAwait(false);
        if (settled != ConnectionConsole.Available)
        {
            throw new ProvisioningException($"connection {name} is {settled}, not AVAILABLE: open {ConnectionConsole.Url(spec.Region)}, choose it and update it; then run the command again.") { RerunHelps = false };
        }

        await host.NoticeAsync($"pipectl: connection {name} is AVAILABLE: a push to {spec.Branch} of {source.FullRepositoryId} now starts {spec.PipelineName}.").ConfigureAwait(false);
        return new Dictionary<string, string>(outputs, StringComparer.Ordinal) { [StackOutputs.ConnectionStatus] = settled };
    }
}
