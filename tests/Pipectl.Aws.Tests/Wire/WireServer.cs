using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Pipectl.Aws.Tests.Wire;

/// <summary>
/// A loopback HTTP server owned by a test: it records every request and answers with the replies the test
/// queued (in order), or with the responder's answer, or an empty JSON object.
/// </summary>
public sealed class WireServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<WireReply> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _loop;

    public WireServer()
    {
        // A free port can be taken by another test process between FreePort and Start: try another, on a new listener
        // (one whose Start failed may keep the failed prefix bound).
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                _listener = listener;
                break;
            }
            catch (Exception e) when (e is HttpListenerException or SocketException && attempt < 20)
            {
                CloseQuietly(listener);
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Answers a request when no queued reply is left.</summary>
    public Func<RecordedRequest, WireReply>? Responder { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest LastRequest => Requests[^1];

    public WireServer Reply(params WireReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        return this;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in context.Request.Headers.AllKeys.OfType<string>())
            {
                headers[key] = context.Request.Headers[key] ?? string.Empty;
            }

            var request = new RecordedRequest
            {
                Method = context.Request.HttpMethod,
                Path = context.Request.RawUrl ?? "/",
                Headers = headers,
                Body = body.ToArray(),
            };
            _requests.Enqueue(request);

            WireReply reply;
            try
            {
                reply = _replies.TryDequeue(out var queued) ? queued : Responder?.Invoke(request) ?? WireReply.Json("{}");
            }
            catch (Exception e)
            {
                // A failing responder must not stop the server, or the client under test waits forever.
                reply = new WireReply(599, $"wire test responder failed: {e.Message}", "text/plain");
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = WireReply.RequestId;
            foreach (var (key, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[key] = value;
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        CloseQuietly(_listener);
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>
    /// .NET's managed listener looks its port up again while closing, and can find it taken by another test's server
    /// by then ("Address already in use"): the listener is gone either way.
    /// </summary>
    private static void CloseQuietly(HttpListener listener)
    {
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (HttpListenerException)
        {
        }
    }
}
