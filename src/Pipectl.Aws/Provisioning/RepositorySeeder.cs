using Pipectl.Aws.CodeCommit;
using Pipectl.Aws.Errors;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Seeding;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// Makes a repository's first commit through CodeCommit's CreateCommit (no git credentials needed). A branch
/// that exists is never rewritten: it is checked first, and a commit refused because the branch appeared
/// meanwhile (CodeCommit then wants a parent commit id) leaves the branch as it is.
/// </summary>
public sealed class RepositorySeeder(CodeCommitClient codeCommit) : IRepositorySeeder
{
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
                    files.Select(f => new PutFileEntry(f.Path, f.Content, FileModeOf(f.Mode))).ToList(),
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

    /// <summary>The limits are checked before anything is sent (the CLI does it too, with exit 2); this is the last guard.</summary>
    private static void CheckLimits(string repositoryName, IReadOnlyList<SeedFile> files)
    {
        if (SeedLimits.Check(files) is { } broken)
        {
            throw new ProvisioningException($"The first commit of {repositoryName}: {broken}.");
        }
    }

    /// <summary>CodeCommit's <c>FileModeTypeEnum</c>: without it a script loses its executable bit and a link becomes a file.</summary>
    private static string FileModeOf(SeedFileMode mode) => mode switch
    {
        SeedFileMode.Executable => "EXECUTABLE",
        SeedFileMode.Symlink => "SYMLINK",
        _ => "NORMAL",
    };
}
