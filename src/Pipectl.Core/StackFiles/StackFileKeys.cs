using Pipectl.Core.Settings;

namespace Pipectl.Core.StackFiles;

/// <summary>
/// Every key <c>pipectl.yaml</c> accepts, as dotted paths (<c>build.image</c>); <c>*</c> stands for a name the
/// user chooses (an environment, an environment variable). The keys are the <see cref="StackSetting.FileKey"/>s of
/// <see cref="StackSettings.All"/> and their parents. <see cref="StackFileParser"/> reports any key not listed here,
/// and a test holds <c>schemas/pipectl.schema.json</c> to exactly this list.
/// </summary>
public static class StackFileKeys
{
    /// <summary>A name the user chooses, in a path.</summary>
    public const string AnyName = "*";

    /// <summary>The top-level keys in the order the parser lists them; the keys inside each follow <see cref="StackSettings.All"/>.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        ["name", "region", "repository", "source", "build", "test", "site", "buckets", "deploy", "approval", "pipeline", "environments"];

    /// <summary>The accepted key paths, parents before children.</summary>
    public static IReadOnlyList<string> Paths { get; } = Derive();

    /// <summary>The keys allowed directly under <paramref name="parent"/> ("" for the top level).</summary>
    public static IReadOnlyList<string> ChildrenOf(string parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var prefix = parent.Length == 0 ? string.Empty : parent + ".";
        return Paths
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !p[prefix.Length..].Contains('.', StringComparison.Ordinal))
            .Select(p => p[prefix.Length..])
            .ToList();
    }

    private static List<string> Derive()
    {
        var paths = new List<string>();
        foreach (var key in StackSettings.All.Select(s => s.FileKey).OfType<string>())
        {
            var segments = key.Split('.');
            for (var i = 1; i <= segments.Length; i++)
            {
                var path = string.Join('.', segments[..i]);
                if (!paths.Contains(path))
                {
                    paths.Add(path);
                }
            }
        }

        var unknown = paths.FirstOrDefault(p => !Sections.Contains(p.Split('.')[0]));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"The stack-file key {unknown} is in no section of StackFileKeys.Sections.");
        }

        // OrderBy is stable: within a section, the settings' order stays.
        return [.. paths.OrderBy(p => Sections.ToList().IndexOf(p.Split('.')[0]))];
    }
}
