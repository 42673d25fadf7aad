namespace Pipectl.Core.Tests.Buildspecs;

/// <summary>Files of the repository the tests run from (samples, buildspecs, schemas), found from the test binary upwards.</summary>
public static class RepositoryFiles
{
    private const string Marker = "PipelineBootstrap.sln";

    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The article of ../shared/seed, when this checkout has shared/ beside it (developers' machines and CI do).</summary>
    public static string? Article
    {
        get
        {
            var path = Path.Combine(Root, "..", "shared", "seed", "aws-cicd-pipeline-article.txt");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no {Marker} above {AppContext.BaseDirectory}");
    }
}
