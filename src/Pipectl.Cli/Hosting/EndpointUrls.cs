using System.Text.RegularExpressions;

namespace Pipectl.Cli.Hosting;

/// <summary>
/// Checks the endpoint URLs a user points pipectl at (<c>--endpoint-url</c>, <c>AWS_ENDPOINT_URL</c>,
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>) before any request, and hides a password written into one.
/// </summary>
/// <remarks>
/// <c>--endpoint-url ''</c> is refused: a user who names an endpoint wants that endpoint, and an empty one must
/// never become "real AWS". An environment variable set to the empty string counts as unset, as the AWS CLI and
/// SDKs treat it (<c>export AWS_ENDPOINT_URL=</c> is how scripts switch it off); any other value must be an
/// absolute http(s) URL.
/// </remarks>
public static partial class EndpointUrls
{
    /// <summary>Why <paramref name="url"/> cannot be an endpoint, or null when it can.</summary>
    public static string? Problem(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length == 0)
        {
            return "empty: give the emulator's URL (http://localhost:5000), or leave the option out to use AWS";
        }

        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "must not contain spaces, line breaks or control characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !url.Contains("://", StringComparison.Ordinal))
        {
            return "not an absolute URL: write it with its scheme, like http://localhost:5000";
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            return $"the scheme must be http or https, not {uri.Scheme}";
        }

        if (uri.Host.Length == 0)
        {
            return "the URL names no host";
        }

        return uri.Query.Length > 0 || uri.Fragment.Length > 0 ? "an endpoint URL has no query or fragment" : null;
    }

    /// <summary>The first broken endpoint setting (option, then environment variables), as one line; null when all are fine.</summary>
    public static string? FirstProblem(string? option, Func<string, string?> environment, IEnumerable<string> serviceIds)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (option is not null && Problem(option) is { } problem)
        {
            return $"--endpoint-url \"{Redact(option)}\": {problem}";
        }

        var names = serviceIds.Select(id => "AWS_ENDPOINT_URL_" + id.ToUpperInvariant().Replace(' ', '_')).Prepend("AWS_ENDPOINT_URL");
        foreach (var name in names)
        {
            if (environment(name) is { Length: > 0 } value && Problem(value) is { } broken)
            {
                return $"{name}=\"{Redact(value)}\": {broken}";
            }
        }

        return null;
    }

    /// <summary><paramref name="text"/> with the user:password part of every URL in it replaced by <c>***</c>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UserInfo().Replace(text, "${scheme}://***@");
    }

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://[^/@\s]*@")]
    private static partial Regex UserInfo();
}
