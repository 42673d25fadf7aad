using System.Text;
using System.Text.RegularExpressions;

namespace Pipectl.Aws.Tests.Wire;

/// <summary>One request as the loopback server received it.</summary>
public sealed partial class RecordedRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The same request with another body: for showing that the model check rejects a wrong one.</summary>
    public RecordedRequest WithBody(string body) => new()
    {
        Method = Method,
        Path = Path,
        Headers = Headers,
        Body = Encoding.UTF8.GetBytes(body),
    };

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The JSON 1.1 operation, from X-Amz-Target ("Prefix.Operation").</summary>
    public string? Target => Header("X-Amz-Target");

    public string? ContentType => Header("Content-Type");

    /// <summary>The form parameters of a Query request, decoded.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty, StringComparer.Ordinal);

    /// <summary>The SigV4 scope from the Authorization header: (region, service).</summary>
    public (string Region, string Service) SigningScope
    {
        get
        {
            var match = ScopePattern().Match(Header("Authorization") ?? string.Empty);
            return match.Success ? (match.Groups["region"].Value, match.Groups["service"].Value) : (string.Empty, string.Empty);
        }
    }

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex ScopePattern();
}
