using Pipectl.Aws.CodeCommit;
using Pipectl.Aws.Errors;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// Makes a repository's first commit through CodeCommit's CreateCommit (no git credentials needed). A branch
/// that exists is never rewritten: it is checked first, and a commit refused because the branch appeared
/// meanwhile (CodeCommit then wants a parent commit id) leaves the branch as it is.
/// </summary>
public sealed class RepositorySeeder(CodeCommitClient codeCommit) : IRepositorySeeder
{
    /// <summary>CodeCommit's limit on the files one CreateCommit may put.</summary>
    public const int MaxFiles = 100;

    /// <summary>CodeCommit's limit on one file's size through the API (FileContentSizeLimitExceededException).</summary>
    public const int MaxFileBytes = 6 * 1024 * 1024;

    /// <summary>CodeCommit's limit on the combined size of a commit's file changes through the API.</summary>
    public const int MaxCommitBytes = 7 * 1024 * 1024;

    public const string CommitMessage = "Initial commit by pipectl";
    public const string AuthorName = "pipectl";

    // The replies of a CreateCommit without a parent on a branch that already has commits.
    private static readonly HashSet<string> BranchAlreadyThere = new(StringComparer.Ordinal)
    {
        "ParentCommitIdRequiredException", "ParentCommitIdOutdatedException", "BranchNameExistsException",
    };

    public async Task<bool> BranchExistsAsync(string repositoryName, string branch, CancellationToken cancellationToken) =>
        await HeadOfAsync(repositoryName, branch, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<string> SeedAsync(string repositoryName, string branch, IReadOnlyList<SeedFile> files, CancellationToken cancellationToken)
    {
        CheckLimits(repositoryName, files);
        if (await HeadOfAsync(repositoryName, branch, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        try
        {
            var reply = await codeCommit.CreateCommitAsync(
                new CreateCommitRequest(
                    repositoryName,
                    branch,
                    files.Select(f => new PutFileEntry(f.Path, f.Content)).ToList(),
                    ParentCommitId: null,
                    AuthorName: AuthorName,
                    CommitMessage: CommitMessage),
                cancellationToken).ConfigureAwait(false);
            return reply.CommitId
                ?? throw new ProvisioningException($"CodeCommit made the first commit on {branch} of {repositoryName} but did not say its id.");
        }
        catch (AwsApiException e) when (BranchAlreadyThere.Contains(e.Code))
        {
            // Someone pushed to the branch between the check and the commit: leave their history alone.
            return await HeadOfAsync(repositoryName, branch, cancellationToken).ConfigureAwait(false)
                ?? throw new ProvisioningException($"CodeCommit refused the first commit on {branch} of {repositoryName} ({e.Code}: {e.Message}), yet the branch does not exist.", e);
        }
    }

    /// <summary>The branch's head commit id, or null when there is no such branch (also the answer for an empty repository).</summary>
    private async Task<string?> HeadOfAsync(string repositoryName, string branch, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await codeCommit.GetBranchAsync(repositoryName, branch, cancellationToken).ConfigureAwait(false);
            return reply.Branch?.CommitId is { Length: > 0 } commit ? commit : null;
        }
        catch (AwsResourceNotFoundException e) when (e.Code == "BranchDoesNotExistException")
        {
            return null;
        }
    }

    private static void CheckLimits(string repositoryName, IReadOnlyList<SeedFile> files)
    {
        if (files.Count == 0)
        {
            throw new ProvisioningException($"Nothing to commit to {repositoryName}: the first commit needs at least one file.");
        }

        if (files.Count > MaxFiles)
        {
            throw new ProvisioningException($"The first commit of {repositoryName} would have {files.Count} files; CodeCommit takes at most {MaxFiles} in one commit through the API. Push the rest with git.");
        }

        foreach (var file in files)
        {
            if (file.Content.Length > MaxFileBytes)
            {
                throw new ProvisioningException($"{file.Path} is {Megabytes(file.Content.Length)}; CodeCommit takes files of at most {Megabytes(MaxFileBytes)} through the API. Leave it out of the first commit and push it with git.");
            }
        }

        var total = files.Sum(f => (long)f.Content.Length);
        if (total > MaxCommitBytes)
        {
            var largest = files.MaxBy(f => f.Content.Length)!;
            throw new ProvisioningException($"The files of the first commit of {repositoryName} are {Megabytes(total)} together (largest: {largest.Path}); CodeCommit takes at most {Megabytes(MaxCommitBytes)} in one commit through the API.");
        }
    }

    private static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB");
}
