using Pipectl.Aws.CodeCommit;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The CodeCommit repository. CreateRepository carries the stack's tags; ownership is read back with
/// ListTagsForResource. An existing repository is adopted as it is (its description, tags and history belong to
/// its owner), so there is never anything to update. A create whose reply was lost is recognised by
/// RepositoryNameExistsException and read back.
/// </summary>
public sealed class RepositoryDriver(CodeCommitClient codeCommit) : IResourceDriver<RepositorySpec, RepositoryState>
{
    public string Type => ResourceTypes.Repository;

    public string? ArnOf(RepositoryState state) => state.Arn;

    public async Task DeleteAsync(RepositoryState actual, CancellationToken cancellationToken)
    {
        // DeleteRepository answers success for a repository that is already gone.
        await codeCommit.DeleteRepositoryAsync(actual.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Its reads name the repository (the tags' ARN comes from GetRepository's reply): they may start before the account is known.</summary>
    public bool ReadsByName => true;

    public async Task<RepositoryState?> ReadAsync(RepositorySpec desired, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await codeCommit.GetRepositoryAsync(desired.Name, cancellationToken).ConfigureAwait(false);
            if (reply.RepositoryMetadata is not { } metadata)
            {
                return null;
            }

            var state = ToState(desired.Name, metadata, new Dictionary<string, string>());
            return state with { Tags = await codeCommit.ListAllTagsForResourceAsync(state.Arn, cancellationToken).ConfigureAwait(false) };
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task<RepositoryState> CreateAsync(RepositorySpec desired, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await codeCommit.CreateRepositoryAsync(
                new CreateRepositoryRequest(desired.Name, desired.Description, desired.Tags.Count > 0 ? desired.Tags : null),
                cancellationToken).ConfigureAwait(false);
            if (reply.RepositoryMetadata is { Arn.Length: > 0 } metadata)
            {
                return ToState(desired.Name, metadata, desired.Tags);
            }
        }
        catch (AwsResourceExistsException)
        {
            // An earlier attempt created it (its reply was lost), or it appeared meanwhile: adopt it as it is.
        }

        return await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
            ?? throw new ProvisioningException($"CodeCommit repository {desired.Name} was created but cannot be read back.");
    }

    /// <summary>Never called with changes (<see cref="RepositorySpec.DifferencesFrom"/> is always empty): the repository stays as it is.</summary>
    public Task<RepositoryState> UpdateAsync(RepositorySpec desired, RepositoryState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken) =>
        Task.FromResult(actual);

    private static RepositoryState ToState(string name, RepositoryMetadata metadata, IReadOnlyDictionary<string, string> tags) => new(
        metadata.RepositoryName ?? name,
        metadata.Arn ?? throw new ProvisioningException($"CodeCommit described repository {name} without an ARN."),
        metadata.RepositoryDescription,
        metadata.CloneUrlHttp,
        metadata.CloneUrlSsh,
        tags);
}
