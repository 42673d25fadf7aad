using System.Text;
using Pipectl.Core.LocalFiles;
using Pipectl.Core.Orchestration;

namespace Pipectl.Core.Seeding;

/// <summary>
/// The files of a seed folder that may become a repository's first commit. The walk never leaves the folder:
/// links are not followed (one that points inside is committed as a link, one that points outside is left out
/// and named), <c>.git</c> is never sent at any depth, .gitignore files are honoured, FIFOs and devices are left
/// out unopened, empty files (which CodeCommit's API refuses) are left out and named, and files that look like
/// secrets are refused unless an allow pattern names them. The executable bit is kept.
/// </summary>
public sealed class SeedFolder
{
    private readonly string _root;
    private readonly IReadOnlyList<GlobPattern> _allowedSecrets;
    private readonly GitIgnoreRules _ignore = new();
    private readonly List<SeedFile> _files = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _problems = [];
    private int _ignored;
    private int _gitFolders;

    private SeedFolder(string root, IReadOnlyList<GlobPattern> allowedSecrets)
    {
        _root = root;
        _allowedSecrets = allowedSecrets;
    }

    /// <summary>What will be committed, in path order.</summary>
    public IReadOnlyList<SeedFile> Files => _files;

    /// <summary>What was left out and why (for stderr); nothing here stops the run.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>What stops the run (a secret, a file too big, a limit): exit 2, nothing sent.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Walks <paramref name="directory"/>.</summary>
    /// <param name="directory">The seed folder (it may itself be a link to a folder).</param>
    /// <param name="allowSecrets">Glob patterns (<c>--seed-allow-secret</c>) of paths that may be committed although they look secret.</param>
    /// <exception cref="LocalFileException">The folder does not exist or is not a folder.</exception>
    public static SeedFolder Read(string directory, IEnumerable<string>? allowSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (LocalFile.KindOf(directory) != LocalFileKind.Directory)
        {
            throw new LocalFileException($"--seed \"{directory}\": no such folder");
        }

        var root = new DirectoryInfo(Path.GetFullPath(directory));
        var real = root.LinkTarget is null ? root.FullName : (root.ResolveLinkTarget(true)?.FullName ?? root.FullName);
        var seed = new SeedFolder(Path.TrimEndingDirectorySeparator(real), (allowSecrets ?? []).Select(GlobPattern.Parse).ToList());
        seed.Walk(seed._root, string.Empty);
        seed.Finish();
        return seed;
    }

    private void Walk(string folder, string relative)
    {
        var gitignore = Path.Combine(folder, ".gitignore");
        if (LocalFile.KindOf(gitignore, followLinks: false) == LocalFileKind.Regular)
        {
            _ignore.Add(relative, LocalFile.ReadText(gitignore, Show(Join(relative, ".gitignore"))));
        }

        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = Join(relative, entry.Name);
            var kind = LocalFile.KindOf(entry.FullName, followLinks: false);
            if (entry.Name == ".git")
            {
                _gitFolders++;
                continue;
            }

            if (_ignore.IsIgnored(path, kind == LocalFileKind.Directory))
            {
                _ignored++;
                continue;
            }

            if (entry.Name.Any(c => char.IsControl(c) || Validation.SafeFragment.IsBidiControl(c)))
            {
                // A line break or an escape in a path would be sent to CodeCommit and shown in every listing.
                _problems.Add($"{Show(path)} has a control character in its name: rename it, or leave it out with .gitignore");
                continue;
            }

            switch (kind)
            {
                case LocalFileKind.Directory:
                    Walk(entry.FullName, path);
                    break;
                case LocalFileKind.SymbolicLink:
                    AddLink(entry, path);
                    break;
                case LocalFileKind.Regular:
                    AddFile(entry.FullName, path);
                    break;
                case LocalFileKind.Special:
                    _notes.Add($"left out {Show(path)}: not a regular file (a FIFO, socket or device)");
                    break;
            }
        }
    }

    private void AddLink(FileSystemInfo link, string path)
    {
        var target = link.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists)
        {
            _notes.Add($"left out link {Show(path)}: its target does not exist");
            return;
        }

        var full = target.FullName;
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            _notes.Add($"left out link {Show(path)} -> {Show(link.LinkTarget ?? full)}: it points outside the seed folder, and nothing outside it is sent");
            return;
        }

        var relativeTarget = full[(_root.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
        if (relativeTarget == ".git" || relativeTarget.StartsWith(".git/", StringComparison.Ordinal) || relativeTarget.Contains("/.git/", StringComparison.Ordinal))
        {
            _notes.Add($"left out link {Show(path)}: it points into .git");
            return;
        }

        // git stores a link as its target path; make it relative so the link works in every clone.
        var linkFolder = Path.GetDirectoryName(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)))!;
        var stored = Path.GetRelativePath(linkFolder, full).Replace(Path.DirectorySeparatorChar, '/');
        _files.Add(new SeedFile(path, Encoding.UTF8.GetBytes(stored), SeedFileMode.Symlink));
    }

    private void AddFile(string fullPath, string path)
    {
        var info = new FileInfo(fullPath);
        if (info.Length > SeedLimits.MaxFileBytes)
        {
            _problems.Add($"{Show(path)} is {LocalFile.Size(info.Length)}; CodeCommit takes files of at most {LocalFile.Size(SeedLimits.MaxFileBytes)} through the API (leave it out with .gitignore and push it with git)");
            return;
        }

        var content = LocalFile.ReadBytes(fullPath, SeedLimits.MaxFileBytes, $"--seed file {Show(path)}");
        if (SecretFileRules.Reason(path, content) is { } reason && !_allowedSecrets.Any(p => p.IsMatch(path)))
        {
            _problems.Add($"{Show(path)} looks like a secret ({reason}): refused; leave it out with .gitignore, or pass --seed-allow-secret '{Show(path)}' to commit it");
            return;
        }

        if (content.Length == 0)
        {
            _notes.Add($"left out {Show(path)}: it is empty, and CodeCommit's API refuses empty files (give it content, or push it with git)");
            return;
        }

        var executable = !OperatingSystem.IsWindows() && (info.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        _files.Add(new SeedFile(path, content, executable ? SeedFileMode.Executable : SeedFileMode.Normal));
    }

    private void Finish()
    {
        if (_gitFolders > 0)
        {
            _notes.Add(_gitFolders == 1 ? "left out .git: git's own data is never sent" : $"left out {_gitFolders} .git entries: git's own data is never sent");
        }

        if (_ignored > 0)
        {
            _notes.Add($"left out {_ignored} git-ignored {(_ignored == 1 ? "entry" : "entries")} (.gitignore)");
        }

        if (_problems.Count == 0 && SeedLimits.Check(_files) is { } broken)
        {
            _problems.Add(broken);
        }
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    /// <summary>A path as shown in a message: control characters (possible in file names) made visible.</summary>
    private static string Show(string path) => Validation.SafeFragment.Visible(path);
}
