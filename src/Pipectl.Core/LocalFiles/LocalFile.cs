using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipectl.Core.LocalFiles;

/// <summary>
/// Reads the local files a user names (stack files, buildspecs, seed files) safely: regular files only, so a
/// FIFO or a device such as /dev/zero is refused before it is opened (open() on a FIFO blocks, a device never
/// ends), and never more than a size cap, checked before reading and again while reading.
/// </summary>
public static class LocalFile
{
    /// <summary>The cap on a YAML file pipectl reads (stack files, buildspecs, .gitignore files).</summary>
    public const long MaxTextBytes = 1024 * 1024;

    /// <summary>Links followed in one path before giving up, as Linux's ELOOP does.</summary>
    private const int MaxLinkDepth = 40;

    /// <summary>What <paramref name="path"/> is; with <paramref name="followLinks"/> a link is answered by what it points to.</summary>
    public static LocalFileKind KindOf(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && Statx.TryMode(path, followLinks, out var mode))
        {
            return mode < 0 ? LocalFileKind.Missing : (mode & Statx.TypeMask) switch
            {
                Statx.Regular => LocalFileKind.Regular,
                Statx.Directory => LocalFileKind.Directory,
                Statx.Link => LocalFileKind.SymbolicLink,
                _ => LocalFileKind.Special,
            };
        }

        // Elsewhere (or if statx is unavailable) .NET tells links, folders and files apart, not FIFOs or devices.
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return LocalFileKind.Missing;
        }

        if (!followLinks && info.LinkTarget is not null)
        {
            return LocalFileKind.SymbolicLink;
        }

        return info is DirectoryInfo ? LocalFileKind.Directory : info.Exists ? LocalFileKind.Regular : LocalFileKind.Missing;
    }

    /// <summary>The bytes of a regular file of at most <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The cap.</param>
    /// <param name="what">How messages name the file, e.g. <c>--buildspec "x.yml"</c>.</param>
    /// <exception cref="LocalFileException">Missing, not a regular file, too big or unreadable.</exception>
    public static byte[] ReadBytes(string path, long maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = KindOf(path);
        if (kind != LocalFileKind.Regular)
        {
            throw new LocalFileException($"{what}: {Describe(kind)}");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                throw new LocalFileException($"{what}: {Size(stream.Length)}, more than the {Size(maxBytes)} pipectl reads");
            }

            // Read at most one byte past the cap: a file that grows while it is read is still refused.
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - content.Length))) > 0)
            {
                content.Write(buffer, 0, read);
                if (content.Length > maxBytes)
                {
                    throw new LocalFileException($"{what}: more than the {Size(maxBytes)} pipectl reads");
                }
            }

            return content.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException($"{what}: cannot be read ({e.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)})");
        }
    }

    /// <summary>The text (UTF-8) of a regular file of at most <see cref="MaxTextBytes"/>.</summary>
    /// <exception cref="LocalFileException">Missing, not a regular file, too big or unreadable.</exception>
    public static string ReadText(string path, string what) =>
        new UTF8Encoding(false).GetString(ReadBytes(path, MaxTextBytes, what)).TrimStart('\uFEFF');

    /// <summary>
    /// <paramref name="path"/> made absolute with every symbolic link on the way resolved (a link in a parent
    /// folder too), so a containment check cannot be walked around through a link.
    /// </summary>
    public static string RealPath(string path) => RealPath(path, 0);

    private static string RealPath(string path, int depth)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (depth > MaxLinkDepth)
        {
            throw new LocalFileException($"\"{path}\": too many levels of symbolic links");
        }

        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                // A link's target may itself sit below links: resolve it the same way.
                current = RealPath(target.FullName, depth + 1);
            }
        }

        return current;
    }

    /// <summary>Why a path of this kind cannot be read as a file.</summary>
    public static string Describe(LocalFileKind kind) => kind switch
    {
        LocalFileKind.Missing => "no such file",
        LocalFileKind.Directory => "is a folder, not a file",
        LocalFileKind.SymbolicLink => "is a symbolic link",
        LocalFileKind.Special => "is not a regular file (a FIFO, socket or device): only regular files are read",
        _ => "is a file",
    };

    /// <summary>A size for messages: 512 bytes, 6 MB.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB");

    /// <summary>Linux statx(2): its struct has one layout on every architecture, unlike stat(2).</summary>
    private static class Statx
    {
        public const int TypeMask = 0xF000;
        public const int Regular = 0x8000;
        public const int Directory = 0x4000;
        public const int Link = 0xA000;

        private const int AtFdCwd = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const uint StatxType = 0x1;
        private const uint StatxMode = 0x2;
        private const int ModeOffset = 28;
        private const int BufferSize = 256;

        /// <summary>False when statx cannot be called; otherwise <paramref name="mode"/> is st_mode, or -1 when there is no such path.</summary>
        public static bool TryMode(string path, bool followLinks, out int mode)
        {
            mode = -1;
            var buffer = new byte[BufferSize];
            int result;
            try
            {
                var bytes = Encoding.UTF8.GetBytes(path + "\0");
                result = NativeStatx(AtFdCwd, bytes, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxMode, buffer);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                return false;
            }

            if (result != 0)
            {
                // Missing or not searchable: either way there is nothing to read there.
                return true;
            }

            mode = BitConverter.ToUInt16(buffer, ModeOffset);
            return true;
        }

        [DllImport("libc", EntryPoint = "statx")]
        private static extern int NativeStatx(int directoryFd, byte[] path, int flags, uint mask, byte[] buffer);
    }
}
