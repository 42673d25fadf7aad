using Pipectl.Cli.Hosting;
using Pipectl.Core.Buildspecs;
using Pipectl.Core.Orchestration;

namespace Pipectl.Cli.Stacks;

/// <summary>Reads the local files a verb was pointed at, before anything is sent to AWS.</summary>
public static class LocalInputs
{
    /// <summary>CodeCommit's limit on the files of one commit.</summary>
    private const int MaxSeedFiles = 100;

    public static string? ReadBuildspec(string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"--buildspec \"{path}\": no such file.");
        }

        try
        {
            var text = File.ReadAllText(path);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException($"--buildspec \"{path}\": the file is empty.");
            }

            // A broken buildspec would only fail the first build after a push: refuse it before anything is created.
            var problems = BuildspecValidator.Validate(path, text);
            if (problems.Count > 0)
            {
                var more = problems.Count > 1 ? $" ({problems.Count - 1} more; run pipectl validate {path})" : string.Empty;
                throw new UsageException($"--buildspec {problems[0]}{more}");
            }

            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--buildspec \"{path}\": cannot be read ({e.Message}).");
        }
    }

    public static IReadOnlyList<SeedFile>? ReadSeed(string? directory)
    {
        if (directory is null)
        {
            return null;
        }

        if (!Directory.Exists(directory))
        {
            throw new UsageException($"--seed \"{directory}\": no such folder.");
        }

        try
        {
            var root = Path.GetFullPath(directory);
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new UsageException($"--seed \"{directory}\": the folder has no files to commit.");
            }

            if (files.Count > MaxSeedFiles)
            {
                throw new UsageException($"--seed \"{directory}\": {files.Count} files; a first commit through the CodeCommit API takes at most {MaxSeedFiles}.");
            }

            return files.Select(f => new SeedFile(f, File.ReadAllBytes(Path.Combine(root, f)))).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--seed \"{directory}\": cannot be read ({e.Message}).");
        }
    }
}
