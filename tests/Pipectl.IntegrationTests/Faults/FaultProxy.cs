using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of moto that injects faults: pipectl gets
/// <c>--endpoint-url</c> <see cref="Endpoint"/>, the proxy forwards each request byte for byte (the Host
/// header as the client sent it, so the SigV4 signature still matches what was signed) to the upstream, and
/// <see cref="Faults"/> may answer instead with an error in the request's own protocol, drop the connection,
/// or do either after forwarding (the request took effect, its reply is lost). Every request is logged.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    /// <summary>A connection idle this long between requests is closed (bounds every read).</summary>
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long a <see cref="FaultKind.Stall"/> keeps the client waiting before dropping the connection.</summary>
    public static readonly TimeSpan StallTime = TimeSpan.FromSeconds(20);

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Expect", "TE", "Upgrade", "Proxy-Connection", "Trailer",
    };

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient _upstream;
    private readonly string _upstreamBase;
    private readonly ConcurrentQueue<ProxyLogEntry> _log = new();
    private readonly ConcurrentDictionary<TcpClient, bool> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public FaultProxy(string upstream, Func<ProxiedRequest, InjectedFault?>? faults = null)
    {
        _upstreamBase = upstream.TrimEnd('/');
        _upstream = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        Faults = faults;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Decides each request's fault (null: forward untouched). It may also act, e.g. kill the client at request N.</summary>
    public Func<ProxiedRequest, InjectedFault?>? Faults { get; set; }

    /// <summary>How many requests arrived so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<ProxyLogEntry> Log => [.. _log.OrderBy(e => e.Number)];

    public int FaultsInjected => _log.Count(e => e.Fault is not null);

    /// <summary>The log as text, one request a line (the last <paramref name="last"/> requests).</summary>
    public string Describe(int last = 400) =>
        string.Join('\n', Log.TakeLast(last).Select(e => e.ToString()));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections[client] = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            client.NoDelay = true;
            var wire = new HttpWire(client.GetStream());
            for (var served = 0; served < 100_000 && !_stop.IsCancellationRequested; served++)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                idle.CancelAfter(IdleTimeout);
                var request = await wire.ReadRequestAsync(idle.Token).ConfigureAwait(false);
                if (request is null || !await HandleAsync(wire, request, _stop.Token).ConfigureAwait(false))
                {
                    return;
                }

                if (request.Header("Connection")?.Equals("close", StringComparison.OrdinalIgnoreCase) == true)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FormatException)
        {
            // The client went away (killed, timed out) or the proxy is stopping.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    /// <summary>Answers one request; false when the connection was dropped.</summary>
    private async Task<bool> HandleAsync(HttpWire wire, WireRequest incoming, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        var started = DateTime.UtcNow;
        var request = new ProxiedRequest(number, incoming.Method, incoming.Target, incoming.Header("X-Amz-Target"), incoming.Header("Authorization"), incoming.Body, incoming.Header("Content-Type"));
        InjectedFault? fault = null;
        var outcome = "?";
        try
        {
            fault = Faults?.Invoke(request);
            Upstream? reply = null;
            if (fault is null || fault.Timing == FaultTiming.After)
            {
                reply = await ForwardAsync(incoming, cancellationToken).ConfigureAwait(false);
                outcome = $"moto {(int)reply.Status}";
            }
            else
            {
                outcome = "not forwarded";
            }

            if (fault is { Kind: FaultKind.Stall })
            {
                await Task.Delay(StallTime, cancellationToken).ConfigureAwait(false);
                outcome += ", stalled then dropped";
                return false;
            }

            if (fault is { Kind: FaultKind.Drop })
            {
                outcome += ", connection dropped";
                return false;
            }

            if (fault is not null)
            {
                var error = FaultReply.For(request.Protocol, fault);
                await wire.WriteResponseAsync((int)error.Status, error.Status.ToString(), [new("Content-Type", error.ContentType), new("x-amzn-RequestId", Guid.NewGuid().ToString())], error.Bytes, incoming.Method == "HEAD", null, cancellationToken).ConfigureAwait(false);
                outcome += $", answered {(int)error.Status}";
                return true;
            }

            await wire.WriteResponseAsync((int)reply!.Status, reply.Reason, reply.Headers, reply.Body, incoming.Method == "HEAD", reply.Length, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or OperationCanceledException)
        {
            outcome += $", proxy error {e.GetType().Name}";
            return false;
        }
        finally
        {
            _log.Enqueue(new ProxyLogEntry(number, request.Operation, fault, outcome, DateTime.UtcNow - started));
        }
    }

    private async Task<Upstream> ForwardAsync(WireRequest incoming, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(incoming.Method), _upstreamBase + incoming.Target);
        if (incoming.Body.Length > 0 || incoming.Method is "PUT" or "POST")
        {
            message.Content = new ByteArrayContent(incoming.Body);
        }

        foreach (var (name, value) in incoming.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        // SigV4 signed the Host header: send it as the client did (moto does not check signatures, AWS would).
        message.Headers.Host = incoming.Header("Host");
        using var response = await _upstream.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !HopByHop.Contains(h.Key))
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
            .ToList();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Upstream(response.StatusCode, response.ReasonPhrase ?? response.StatusCode.ToString(), headers, body, response.Content.Headers.ContentLength);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }

        _loop.Wait(TimeSpan.FromSeconds(5));
        _upstream.Dispose();
        _stop.Dispose();
    }

    private sealed record Upstream(HttpStatusCode Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, long? Length);
}

/// <summary>One line of the proxy's log.</summary>
public sealed record ProxyLogEntry(int Number, string Operation, InjectedFault? Fault, string Outcome, TimeSpan Took)
{
    public override string ToString() =>
        new StringBuilder().Append('#').Append(Number).Append(' ').Append(Operation)
            .Append(Fault is null ? string.Empty : $" [fault: {Fault}]")
            .Append(" -> ").Append(Outcome)
            .Append(System.Globalization.CultureInfo.InvariantCulture, $" ({Took.TotalMilliseconds:0} ms)")
            .ToString();
}
