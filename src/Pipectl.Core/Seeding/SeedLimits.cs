using Pipectl.Core.LocalFiles;
using Pipectl.Core.Orchestration;

namespace Pipectl.Core.Seeding;

/// <summary>
/// CodeCommit's limits on a commit made through the API (CreateCommit), checked before anything is sent:
/// at most 100 files, 6 MB per file and 7 MB of file content in all (FileContentSizeLimitExceededException,
/// MaximumFileEntriesExceededException in the service model).
/// </summary>
public static class SeedLimits
{
    /// <summary>Files one CreateCommit may put.</summary>
    public const int MaxFiles = 100;

    /// <summary>One file's size (the model's <c>FileContent</c> max, 6,291,456 bytes).</summary>
    public const int MaxFileBytes = 6 * 1024 * 1024;

    /// <summary>The combined size of a commit's file changes.</summary>
    public const int MaxCommitBytes = 7 * 1024 * 1024;

    /// <summary>The first broken limit, as one line naming the file or the total, or null when the commit fits.</summary>
    public static string? Check(IReadOnlyList<SeedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return "no files to commit: the first commit needs at least one";
        }

        if (files.Count > MaxFiles)
        {
            return $"{files.Count} files; CodeCommit takes at most {MaxFiles} in one commit through the API (push the rest with git)";
        }

        if (files.FirstOrDefault(f => f.Content.Length > MaxFileBytes) is { } big)
        {
            return $"{big.Path} is {LocalFile.Size(big.Content.Length)}; CodeCommit takes files of at most {LocalFile.Size(MaxFileBytes)} through the API (leave it out and push it with git)";
        }

        var total = files.Sum(f => (long)f.Content.Length);
        if (total > MaxCommitBytes)
        {
            var largest = files.MaxBy(f => f.Content.Length)!;
            return $"the files are {LocalFile.Size(total)} together (largest: {largest.Path}); CodeCommit takes at most {LocalFile.Size(MaxCommitBytes)} in one commit through the API";
        }

        return null;
    }
}
