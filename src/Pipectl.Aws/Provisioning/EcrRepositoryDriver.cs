using Pipectl.Aws.Ecr;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The ECR repository of a container stack. CreateRepository carries the ownership tags and scan on push, so a
/// repository is never untagged; the lifecycle policy follows. A create that answers "already exists" converges
/// only the stack's own (a lost reply). Teardown deletes the repository only when it holds no image, unless told
/// to delete the images with it (<c>teardown --delete-images</c>); otherwise it is kept, and the report says why.
/// </summary>
public sealed class EcrRepositoryDriver(EcrClient ecr) : IResourceDriver<EcrRepositorySpec, EcrRepositoryState>
{
    /// <summary>Delete a repository that holds images, with them (<c>teardown --delete-images</c>).</summary>
    public bool ForceDelete { get; init; }

    public string Type => ResourceTypes.EcrRepository;

    /// <summary>Every read names the repository (its tags by the ARN DescribeRepositories answers).</summary>
    public bool ReadsByName => true;

    public string? ArnOf(EcrRepositoryState state) => state.Arn;

    public Task<EcrRepositoryState?> ReadAsync(EcrRepositorySpec desired, CancellationToken cancellationToken) =>
        ReadAsync(desired.Name, forTeardown: false, cancellationToken);

    /// <summary>Teardown needs the tags and whether images are there, not the lifecycle policy.</summary>
    public Task<EcrRepositoryState?> ReadToDeleteAsync(EcrRepositorySpec desired, CancellationToken cancellationToken) =>
        ReadAsync(desired.Name, forTeardown: true, cancellationToken);

    private async Task<EcrRepositoryState?> ReadAsync(string name, bool forTeardown, CancellationToken cancellationToken)
    {
        EcrRepository? repository;
        try
        {
            repository = await ecr.DescribeRepositoryAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }

        if (repository?.RepositoryArn is not { } arn)
        {
            return null;
        }

        var tags = ecr.ListTagsForResourceAsync(arn, cancellationToken);
        var policy = forTeardown ? Task.FromResult<string?>(null) : LifecyclePolicyAsync(name, cancellationToken);
        var images = forTeardown ? CountImagesAsync(name, cancellationToken) : Task.FromResult<int?>(null);
        await Task.WhenAll(tags, policy, images).ConfigureAwait(false);
        return new EcrRepositoryState(
            name,
            arn,
            repository.RepositoryUri ?? string.Empty,
            repository.ImageScanningConfiguration?.ScanOnPush ?? false,
            await policy.ConfigureAwait(false),
            ((await tags.ConfigureAwait(false)).Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            await images.ConfigureAwait(false));
    }

    private async Task<string?> LifecyclePolicyAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await ecr.GetLifecyclePolicyAsync(name, cancellationToken).ConfigureAwait(false)).LifecyclePolicyText;
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The images of the first page (up to 1000): enough to say whether, and roughly how many, are there.</summary>
    private async Task<int?> CountImagesAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var page = await ecr.ListImagesAsync(new ListImagesRequest(name, EcrRepositoryState.MostCounted), cancellationToken).ConfigureAwait(false);
            return (page.ImageIds ?? []).Select(i => i.ImageDigest).Distinct(StringComparer.Ordinal).Count();
        }
        catch (AwsResourceNotFoundException)
        {
            return 0;
        }
    }

    public async Task<EcrRepositoryState> CreateAsync(EcrRepositorySpec desired, CancellationToken cancellationToken)
    {
        EcrRepository created;
        try
        {
            var reply = await ecr.CreateRepositoryAsync(
                new CreateRepositoryRequest(desired.Name, desired.Tags.Select(t => new EcrTag(t.Key, t.Value)).ToList(), new ImageScanningConfiguration(desired.ScanOnPush)),
                cancellationToken).ConfigureAwait(false);
            created = reply.Repository ?? throw new ProvisioningException($"ECR CreateRepository for {desired.Name} returned no repository.");
        }
        catch (AwsResourceExistsException)
        {
            // A lost reply of the stack's own create, or someone else's repository made meanwhile.
            var existing = await ReadAsync(desired.Name, forTeardown: false, cancellationToken).ConfigureAwait(false)
                ?? throw new ProvisioningException($"ECR repository {desired.Name} was reported to exist, but cannot be read.");
            var owned = OwnershipGuard.Owned(existing, desired.Tags, $"ECR repository {desired.Name}");
            return await UpdateAsync(desired, owned, desired.DifferencesFrom(owned), cancellationToken).ConfigureAwait(false);
        }

        await ecr.PutLifecyclePolicyAsync(desired.Name, desired.LifecyclePolicy, cancellationToken).ConfigureAwait(false);
        return new EcrRepositoryState(desired.Name, created.RepositoryArn ?? string.Empty, created.RepositoryUri ?? string.Empty, desired.ScanOnPush, desired.LifecyclePolicy, desired.Tags);
    }

    public async Task<EcrRepositoryState> UpdateAsync(EcrRepositorySpec desired, EcrRepositoryState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        if (actual.ScanOnPush != desired.ScanOnPush)
        {
            await ecr.PutImageScanningConfigurationAsync(desired.Name, desired.ScanOnPush, cancellationToken).ConfigureAwait(false);
        }

        if (changes.Any(c => c.StartsWith("lifecycle policy", StringComparison.Ordinal)))
        {
            await ecr.PutLifecyclePolicyAsync(desired.Name, desired.LifecyclePolicy, cancellationToken).ConfigureAwait(false);
        }

        var missing = desired.Tags.Where(t => !actual.Tags.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => new EcrTag(t.Key, t.Value)).ToList();
        if (missing.Count > 0)
        {
            await ecr.TagResourceAsync(actual.Arn, missing, cancellationToken).ConfigureAwait(false);
        }

        var tags = new Dictionary<string, string>(actual.Tags, StringComparer.Ordinal);
        foreach (var (key, value) in desired.Tags)
        {
            tags[key] = value;
        }

        return actual with { ScanOnPush = desired.ScanOnPush, LifecyclePolicy = desired.LifecyclePolicy, Tags = tags };
    }

    public async Task DeleteAsync(EcrRepositoryState actual, CancellationToken cancellationToken)
    {
        if (!ForceDelete && actual.KeptForImages is { } kept)
        {
            // Teardown keeps it before it gets here (ResourceEntry.KeepOnTeardown); this guards any other caller.
            throw new DeletionDeferredException(kept);
        }

        try
        {
            await ecr.DeleteRepositoryAsync(actual.Name, ForceDelete, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            // Already gone: an earlier teardown got this far.
        }
        catch (AwsDeleteConflictException)
        {
            // RepositoryNotEmptyException: a build pushed after the read.
            throw new DeletionDeferredException(EcrRepositoryState.ImagesKeptNote("images"));
        }
    }

}
