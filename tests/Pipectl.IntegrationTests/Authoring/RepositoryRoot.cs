namespace Pipectl.IntegrationTests.Authoring;

/// <summary>The checkout the tests run from, found from the test binary upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Of(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PipelineBootstrap.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no PipelineBootstrap.sln above {AppContext.BaseDirectory}");
    }
}
