using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>The head and body of one HTTP/1.1 request read off a socket.</summary>
internal sealed record WireRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// Just enough HTTP/1.1 to sit between an SDK and moto: request heads, Content-Length and chunked bodies,
/// 100-continue, keep-alive. Written on a raw socket so that a "dropped connection" is a real one (closing
/// an HttpListener response still sends a status line).
/// </summary>
internal sealed class HttpWire(NetworkStream stream)
{
    private const int MaxHeadBytes = 64 * 1024;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request, or null when the client closed the connection between requests.</summary>
    public async Task<WireRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        var requestLine = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length < 3)
        {
            throw new IOException($"Malformed request line: {requestLine}");
        }

        var headers = new List<KeyValuePair<string, string>>();
        var headBytes = requestLine.Length;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new IOException("Connection closed inside a request head.");
            if (line.Length == 0)
            {
                break;
            }

            headBytes += line.Length;
            if (headBytes > MaxHeadBytes)
            {
                throw new IOException("Request head too large.");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var request = new WireRequest(parts[0], parts[1], headers, []);
        if (request.Header("Expect")?.Equals("100-continue", StringComparison.OrdinalIgnoreCase) == true)
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        byte[] body;
        if (request.Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var collected = new MemoryStream();
            for (var chunks = 0; chunks < 1_000_000; chunks++)
            {
                var sizeLine = await ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new IOException("Connection closed inside a chunked body.");
                var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (!string.IsNullOrEmpty(await ReadLineAsync(cancellationToken).ConfigureAwait(false)))
                    {
                    }

                    break;
                }

                collected.Write(await ReadExactAsync(size, cancellationToken).ConfigureAwait(false));
                await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }

            body = collected.ToArray();
        }
        else
        {
            var length = request.Header("Content-Length") is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
            body = await ReadExactAsync((int)length, cancellationToken).ConfigureAwait(false);
        }

        return request with { Body = body };
    }

    public async Task WriteResponseAsync(int status, string reason, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, bool headOnly, long? headLength, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {(headOnly ? headLength ?? 0 : body.Length)}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (!headOnly)
        {
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return line.Count == 0 ? null : throw new IOException("Connection closed inside a line.");
            }

            var b = _buffer[_start++];
            if (b == '\n')
            {
                if (line.Count > 0 && line[^1] == '\r')
                {
                    line.RemoveAt(line.Count - 1);
                }

                return Encoding.Latin1.GetString(line.ToArray());
            }

            line.Add(b);
            if (line.Count > MaxHeadBytes)
            {
                throw new IOException("Line too long.");
            }
        }
    }

    private async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("Connection closed inside a body.");
            }

            var n = Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, n);
            _start += n;
            filled += n;
        }

        return result;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
