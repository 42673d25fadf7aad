namespace Pipectl.IntegrationTests.Authoring;

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pipectl-authoring-").FullName;

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public bool Exists(string relative) => File.Exists(System.IO.Path.Combine(Path, relative));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
