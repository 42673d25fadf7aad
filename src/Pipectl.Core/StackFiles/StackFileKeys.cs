namespace Pipectl.Core.StackFiles;

/// <summary>
/// Every key <c>pipectl.yaml</c> accepts, as dotted paths (<c>build.image</c>); <c>*</c> stands for a name the
/// user chooses (an environment, an environment variable). <see cref="StackFileParser"/> reports any key not
/// listed here, and a test holds <c>schemas/pipectl.schema.json</c> to exactly this list.
/// </summary>
public static class StackFileKeys
{
    /// <summary>A name the user chooses, in a path.</summary>
    public const string AnyName = "*";

    /// <summary>The accepted key paths, parents before children.</summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        "name",
        "region",
        "repository",
        "repository.name",
        "repository.description",
        "repository.branch",
        "repository.existing",
        "source",
        "source.repository",
        "source.connectionArn",
        "source.filePaths",
        "build",
        "build.image",
        "build.computeType",
        "build.sourceType",
        "build.privileged",
        "build.buildspec",
        "build.buildspecInline",
        "build.environmentVariables",
        "build.environmentVariables.*",
        "build.environmentVariables.*.type",
        "build.environmentVariables.*.value",
        "test",
        "test.buildspec",
        "test.input",
        "site",
        "buckets",
        "buckets.artifacts",
        "buckets.site",
        "buckets.privateSite",
        "approval",
        "approval.enabled",
        "approval.email",
        "pipeline",
        "pipeline.type",
        "environments",
        "environments.*",
        "environments.*.branch",
        "environments.*.pipelineName",
        "environments.*.siteBucket",
        "environments.*.privateSite",
        "environments.*.approval",
        "environments.*.approval.enabled",
        "environments.*.approval.email",
    ];

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
}
