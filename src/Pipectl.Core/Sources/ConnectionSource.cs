using System.Text.RegularExpressions;

namespace Pipectl.Core.Sources;

/// <summary>
/// A repository on GitHub, GitLab or Bitbucket that the pipeline reads through an AWS CodeConnections
/// connection, as <c>--source github:OWNER/REPO</c> names it.
/// </summary>
/// <param name="Prefix">The provider as written before the colon: <c>github</c>, <c>gitlab</c> or <c>bitbucket</c>.</param>
/// <param name="ProviderType">The CodeConnections <c>ProviderType</c>: <c>GitHub</c>, <c>GitLab</c> or <c>Bitbucket</c>.</param>
/// <param name="FullRepositoryId">The source action's <c>FullRepositoryId</c>: <c>OWNER/REPO</c> (GitLab: <c>group/subgroup/repo</c>).</param>
public sealed partial record ConnectionSource(string Prefix, string ProviderType, string FullRepositoryId)
{
    /// <summary>The providers pipectl connects to, by the prefix written in <c>--source</c>.</summary>
    public static IReadOnlyDictionary<string, string> Providers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["github"] = "GitHub",
        ["gitlab"] = "GitLab",
        ["bitbucket"] = "Bitbucket",
    };

    /// <summary>The owner and repository as written after the prefix.</summary>
    public string Display => $"{Prefix}:{FullRepositoryId}";

    /// <summary>The source <paramref name="value"/> names, or null with <paramref name="problem"/> saying why not.</summary>
    public static ConnectionSource? Parse(string value, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        problem = null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? value : value[..colon];
        if (colon < 0 || !Providers.TryGetValue(prefix, out var providerType))
        {
            problem = "sources are github:OWNER/REPO, gitlab:GROUP/REPO or bitbucket:WORKSPACE/REPO";
            return null;
        }

        var repository = value[(colon + 1)..];
        if (repository.Length > FullRepositoryIdMaxLength)
        {
            problem = $"repository paths are at most {FullRepositoryIdMaxLength} characters (CodePipeline's FullRepositoryId); this one has {repository.Length}";
            return null;
        }

        var segments = repository.Split('/');
        // GitHub and Bitbucket have exactly an owner and a repository; GitLab groups nest.
        var nestingAllowed = prefix == "gitlab";
        if (segments.Length < 2 || (!nestingAllowed && segments.Length != 2) || !segments.All(s => Segment().IsMatch(s)))
        {
            problem = nestingAllowed
                ? "GitLab sources are gitlab:GROUP/REPO (or GROUP/SUBGROUP/REPO): letters, digits, '.', '_' and '-' between the slashes"
                : $"{providerType} sources are {prefix}:OWNER/REPO: letters, digits, '.', '_' and '-', one slash";
            return null;
        }

        problem = segments.Select(s => SegmentProblem(prefix, s)).FirstOrDefault(p => p is not null);
        return problem is null ? new ConnectionSource(prefix, providerType, repository) : null;
    }

    /// <summary>CodePipeline's <c>FullRepositoryId</c> of a CodeStarSourceConnection action: at most 1,000 characters (GitLab paths nest).</summary>
    public const int FullRepositoryIdMaxLength = 1000;

    /// <summary>
    /// What no provider allows in one path segment: <c>.</c> and <c>..</c> (reserved names, and a path that climbs), and a
    /// leading hyphen (GitHub, GitLab and Bitbucket names start with a letter, digit, '_' or '.'); GitLab also refuses a
    /// path ending in <c>.git</c> or <c>.atom</c>.
    /// </summary>
    private static string? SegmentProblem(string prefix, string segment)
    {
        if (segment is "." or "..")
        {
            return $"'{segment}' is not a repository or owner name";
        }

        if (segment.StartsWith('-'))
        {
            return $"owner and repository names do not start with '-': {segment}";
        }

        return prefix == "gitlab" && (segment.EndsWith(".git", StringComparison.Ordinal) || segment.EndsWith(".atom", StringComparison.Ordinal))
            ? $"GitLab paths do not end in .git or .atom: {segment}"
            : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}\z")]
    private static partial Regex Segment();
}
