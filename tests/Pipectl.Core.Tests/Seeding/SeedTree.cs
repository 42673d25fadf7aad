using System.Diagnostics;

namespace Pipectl.Core.Tests.Seeding;

/// <summary>A throw-away folder tree for seed and local-file tests: files, links, FIFOs and modes.</summary>
internal sealed class SeedTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("pipectl-seed-").FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public SeedTree File(string relative, string text) => Bytes(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public SeedTree Bytes(string relative, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        System.IO.File.WriteAllBytes(PathOf(relative), content);
        return this;
    }

    public SeedTree Link(string relative, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        System.IO.File.CreateSymbolicLink(PathOf(relative), target);
        return this;
    }

    public SeedTree Executable(string relative, string text)
    {
        File(relative, text);
        Assert.False(OperatingSystem.IsWindows(), "the seed tests need a Unix file system");
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(PathOf(relative), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return this;
    }

    public SeedTree Fifo(string relative)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [PathOf(relative)]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
