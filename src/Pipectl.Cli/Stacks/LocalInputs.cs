using Pipectl.Cli.Hosting;
using Pipectl.Core.Buildspecs;
using Pipectl.Core.LocalFiles;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Seeding;
using Pipectl.Core.StackFiles;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// Reads the local files a verb was pointed at, before anything is sent to AWS: regular files only, with a size
/// cap (a FIFO, a device or a folder is refused at once), every problem exit 2.
/// </summary>
public static class LocalInputs
{
    /// <summary>The buildspec file an option names (<c>--buildspec</c>, <c>--test-buildspec</c>), checked; null when not given.</summary>
    public static string? ReadBuildspec(string? path, string option = Pipectl.Core.Stacks.StackOptionNames.Buildspec)
    {
        if (path is null)
        {
            return null;
        }

        var text = Read(() => LocalFile.ReadText(path, $"{option} \"{Pipectl.Core.Validation.SafeFragment.Visible(path)}\""));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"{option} \"{Pipectl.Core.Validation.SafeFragment.Visible(path)}\": the file is empty.");
        }

        // A broken buildspec would only fail the first build after a push: refuse it before anything is created.
        var problems = BuildspecValidator.Validate(path, text);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" ({problems.Count - 1} more; run pipectl validate {path})" : string.Empty;
            throw new UsageException($"{option} {problems[0]}{more}");
        }

        return text;
    }

    /// <summary>
    /// The seed folder's files (see <see cref="SeedFolder"/> for what is left out), with what was left out
    /// written to <paramref name="notes"/>; a secret, a file too big or a broken commit limit is exit 2.
    /// </summary>
    public static IReadOnlyList<SeedFile>? ReadSeed(string? directory, IReadOnlyList<string> allowSecrets, TextWriter notes)
    {
        if (directory is null)
        {
            return null;
        }

        var seed = Read(() => SeedFolder.Read(directory, allowSecrets));
        foreach (var note in seed.Notes)
        {
            notes.WriteLine($"pipectl: --seed: {note}");
        }

        if (seed.Problems.Count > 0)
        {
            var more = seed.Problems.Count > 1 ? $" ({seed.Problems.Count - 1} more: {string.Join("; ", seed.Problems.Skip(1).Take(5))})" : string.Empty;
            throw new UsageException($"--seed \"{Pipectl.Core.Validation.SafeFragment.Visible(directory)}\": {seed.Problems[0]}{more}. Nothing was sent.");
        }

        return seed.Files;
    }

    /// <summary>
    /// The stack file given with -f, parsed and checked, or the first of its problems as exit 2. Paths in it
    /// (build.buildspec) must stay inside its folder unless <paramref name="allowOutsidePaths"/>.
    /// </summary>
    public static StackFile ReadStackFile(string path, bool allowOutsidePaths = false)
    {
        var (file, errors) = Read(() => StackFileParser.Load(path, allowOutsidePaths: allowOutsidePaths));
        if (errors.Count > 0 || file is null)
        {
            var more = errors.Count > 1 ? $" ({errors.Count - 1} more; run pipectl validate {path})" : string.Empty;
            throw new UsageException($"{errors.FirstOrDefault()?.ToString() ?? path + ": cannot be read"}{more}");
        }

        return file;
    }

    private static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (LocalFileException e)
        {
            throw new UsageException(e.Message + ".");
        }
    }
}
