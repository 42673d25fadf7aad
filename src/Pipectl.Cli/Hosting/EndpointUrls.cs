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
            return $"--endpoint-url \"{MaskUserinfo(option)}\": {problem}";
        }

        var names = serviceIds.Select(id => "AWS_ENDPOINT_URL_" + id.ToUpperInvariant().Replace(' ', '_')).Prepend("AWS_ENDPOINT_URL");
        foreach (var name in names)
        {
            if (environment(name) is { Length: > 0 } value && Problem(value) is { } broken)
            {
                return $"{name}=\"{MaskUserinfo(value)}\": {broken}";
            }
        }

        return null;
    }

    /// <summary>The environment variables that name endpoints: AWS_ENDPOINT_URL and every AWS_ENDPOINT_URL_&lt;SERVICE&gt;.</summary>
    public const string EnvironmentPrefix = "AWS_ENDPOINT_URL";

    /// <summary>
    /// <paramref name="value"/>, taken as an endpoint setting whatever its shape, with everything between the scheme
    /// (or the start, when it has none) and its last <c>@</c> replaced by <c>***</c>: a password holding a space, a
    /// tab, a line break, a <c>/</c> or a raw <c>@</c> is hidden whole, where a URL parser would stop part way.
    /// </summary>
    public static string MaskUserinfo(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (start, at) = UserinfoSpan(value);
        return at < 0 ? value : value[..start] + "***" + value[at..];
    }

    /// <summary>
    /// The strings an output must never show, from every endpoint setting of this run (the option and the
    /// AWS_ENDPOINT_URL variables): each setting's user:password part, its password alone, and both as a URL
    /// decoder and a JSON encoder would write them. Longest first, so a longer secret is replaced before a part of it.
    /// </summary>
    public static IReadOnlyList<string> SecretsOf(IEnumerable<string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in settings.OfType<string>())
        {
            var (start, at) = UserinfoSpan(value);
            if (at <= start)
            {
                continue;
            }

            var userinfo = value[start..at];
            var colon = userinfo.IndexOf(':', StringComparison.Ordinal);
            foreach (var part in colon >= 0 ? [userinfo, userinfo[(colon + 1)..]] : new[] { userinfo })
            {
                // A password of one to three characters is hidden as part of user:password only: masking every "ab"
                // in the output would garble it without protecting anything.
                if (part.Length < MinimumSecretLength && part != userinfo)
                {
                    continue;
                }

                foreach (var form in new[] { part, Unescaped(part) })
                {
                    secrets.Add(form);
                    secrets.Add(System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(form));
                }
            }
        }

        return [.. secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length)];
    }

    /// <summary>The endpoint settings in <paramref name="args"/> (<c>--endpoint-url V</c>, <c>--endpoint-url=V</c>) and the environment.</summary>
    public static IEnumerable<string?> SettingsIn(IReadOnlyList<string> args, System.Collections.IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--endpoint-url" && i + 1 < args.Count)
            {
                yield return args[i + 1];
            }
            else if (args[i].StartsWith("--endpoint-url=", StringComparison.Ordinal))
            {
                yield return args[i]["--endpoint-url=".Length..];
            }
        }

        foreach (System.Collections.DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            {
                yield return entry.Value as string;
            }
        }
    }

    /// <summary><paramref name="text"/> with the user:password part of every URL in it replaced by <c>***</c>, and every one of <paramref name="secrets"/>.</summary>
    public static string Redact(string text, IReadOnlyList<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secrets ?? [])
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return UserInfo().Replace(text, "${scheme}://***@");
    }

    private const int MinimumSecretLength = 4;

    /// <summary>Where the user:password part of <paramref name="value"/> starts, and the index of the <c>@</c> that ends it (-1: none).</summary>
    private static (int Start, int At) UserinfoSpan(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var start = scheme > 0 && SchemeName().IsMatch(value[..scheme]) ? scheme + 3 : 0;
        return (start, value.LastIndexOf('@') is var at && at >= start ? at : -1);
    }

    private static string Unescaped(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*\z")]
    private static partial Regex SchemeName();

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://[^/\s]*@")]
    private static partial Regex UserInfo();
}
