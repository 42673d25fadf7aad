using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using PublicAccessBlock = Pipectl.Core.Resources.PublicAccessBlock;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// S3 buckets through the SDK's S3 client. CreateBucket is region-correct (no LocationConstraint in
/// us-east-1, the region's name elsewhere, eu-west-1 included) and carries the stack's tags in its CreateBucketConfiguration, so a bucket
/// is the stack's own from the call that makes it. Block Public Access is set before the bucket policy,
/// because a public read policy is refused while BlockPublicPolicy is on. Tags are merged, never replaced.
/// </summary>
/// <param name="owned">The caller's buckets as ListBuckets names them (<see cref="PrepareRead"/> starts it), or null.</param>
public sealed class BucketDriver(IAmazonS3 s3, OwnedBucketListing? owned = null) : IResourceDriver<BucketSpec, BucketState>
{
    private const string UsEast1 = "us-east-1";
    private const string BlockPublicPolicy = "BlockPublicPolicy";

    public string Type => ResourceTypes.Bucket;

    public string? ArnOf(BucketState state) => state.Arn;

    /// <summary>Deletes every object version and delete marker, then the bucket.</summary>
    public async Task DeleteAsync(BucketState actual, CancellationToken cancellationToken)
    {
        await new BucketEmptier(s3).EmptyAsync(actual.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = actual.Name }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            // Already gone: an earlier teardown got this far.
        }
    }

    /// <summary>Its reads name the bucket: they may start before the account is known.</summary>
    public bool ReadsByName => true;

    /// <summary>
    /// The default bucket names hold the account, so they cannot be read before it is known: list the caller's
    /// buckets meanwhile (<see cref="OwnedBucketListing"/>), which ReadAsync then uses.
    /// </summary>
    public void PrepareRead(BucketSpec withoutAccount, CancellationToken cancellationToken) => owned?.Start(withoutAccount.Region, cancellationToken);

    public async Task<BucketState?> ReadAsync(BucketSpec desired, CancellationToken cancellationToken)
    {
        if (owned is not null && await owned.ListsAsync(desired.Name, desired.Region).ConfigureAwait(false))
        {
            // Listed as the caller's: it exists and is no other account's; its settings are all that is left to read.
            return await ReadSettingsAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = desired.Name }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket" || e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            throw TakenByAnotherAccount(desired.Name, e);
        }

        return await ReadSettingsAsync(desired.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Teardown needs the bucket's tags only (its settings go with it): one GetBucketTagging, which also tells a
    /// missing bucket (NoSuchBucket) and one of another account (403), instead of a location and six settings.
    /// </summary>
    public async Task<BucketState?> ReadToDeleteAsync(BucketSpec desired, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> tags;
        try
        {
            var set = (await s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = desired.Name }, cancellationToken).ConfigureAwait(false)).TagSet;
            tags = (set ?? []).ToDictionary(t => t.Key, t => t.Value);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            return null;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchTagSet")
        {
            tags = new Dictionary<string, string>();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            throw TakenByAnotherAccount(desired.Name, e);
        }

        return new BucketState(desired.Name, ArnFor(desired.Name), false, false, PublicAccessBlock.None, null, null, tags);
    }

    public async Task<BucketState> CreateAsync(BucketSpec desired, CancellationToken cancellationToken)
    {
        var request = new PutBucketRequest
        {
            BucketName = desired.Name,
            ObjectOwnership = ObjectOwnership.BucketOwnerEnforced,
            PutBucketConfiguration = new PutBucketConfiguration { Tags = desired.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() },
        };
        if (desired.Region != UsEast1)
        {
            // The region's own name, which the S3 API Reference lists as a LocationConstraint for every region.
            // Not BucketRegionName: AWSSDK.S3 turns "eu-west-1" given there into the legacy value "EU". An S3Region
            // set here is sent as it is.
            request.BucketRegion = S3Region.FindValue(desired.Region);
        }

        var existed = false;
        try
        {
            await s3.PutBucketAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // A retried or earlier CreateBucket already made it (its reply was lost): converge it below.
            existed = true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyExists")
        {
            throw TakenByAnotherAccount(desired.Name, e);
        }

        if (existed)
        {
            // Converge it only if the tags show it is the stack's own (an earlier create's reply was lost).
            var current = OwnershipGuard.Owned(await ReadSettingsAsync(desired.Name, cancellationToken).ConfigureAwait(false), desired.Tags, $"S3 bucket {desired.Name}");
            await ApplyAsync(desired, current, cancellationToken).ConfigureAwait(false);
            return await ReadSettingsAsync(desired.Name, cancellationToken).ConfigureAwait(false);
        }

        // A new bucket has the tags of its create call. Its Block Public Access is put explicitly (S3 turns it on
        // for new buckets, but pipectl does not rely on a default); afterwards the bucket has exactly the desired
        // settings: no need to read them back.
        var fresh = new BucketState(desired.Name, ArnFor(desired.Name), false, false, PublicAccessBlock.None, null, null, desired.Tags);
        await ApplyAsync(desired, fresh, cancellationToken).ConfigureAwait(false);
        return new BucketState(desired.Name, ArnFor(desired.Name), desired.Versioning, desired.DefaultEncryption, desired.PublicAccessBlock, desired.Policy, desired.Website, desired.Tags);
    }

    public async Task<BucketState> UpdateAsync(BucketSpec desired, BucketState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        await ApplyAsync(desired, actual, cancellationToken).ConfigureAwait(false);
        return await ReadSettingsAsync(desired.Name, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(BucketSpec desired, BucketState actual, CancellationToken cancellationToken)
    {
        var bucket = desired.Name;
        var work = new List<Task>
        {
            PublicAccessThenPolicyAsync(desired, actual, cancellationToken),
        };
        if (actual.Versioning != desired.Versioning)
        {
            work.Add(s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
            {
                BucketName = bucket,
                VersioningConfig = new S3BucketVersioningConfig { Status = desired.Versioning ? VersionStatus.Enabled : VersionStatus.Suspended },
            }, cancellationToken));
        }

        if (desired.DefaultEncryption && !actual.DefaultEncryption)
        {
            work.Add(s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
            {
                BucketName = bucket,
                ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
                {
                    ServerSideEncryptionRules =
                    [
                        new ServerSideEncryptionRule
                        {
                            ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 },
                        },
                    ],
                },
            }, cancellationToken));
        }

        if (actual.Website != desired.Website)
        {
            work.Add(desired.Website is { } website
                ? s3.PutBucketWebsiteAsync(new PutBucketWebsiteRequest
                {
                    BucketName = bucket,
                    WebsiteConfiguration = new WebsiteConfiguration { IndexDocumentSuffix = website.IndexDocument, ErrorDocument = website.ErrorDocument },
                }, cancellationToken)
                : s3.DeleteBucketWebsiteAsync(new DeleteBucketWebsiteRequest { BucketName = bucket }, cancellationToken));
        }

        if (desired.Tags.Any(t => !actual.Tags.TryGetValue(t.Key, out var v) || v != t.Value))
        {
            var merged = new Dictionary<string, string>(actual.Tags);
            foreach (var (key, value) in desired.Tags)
            {
                merged[key] = value;
            }

            work.Add(s3.PutBucketTaggingAsync(new PutBucketTaggingRequest
            {
                BucketName = bucket,
                TagSet = merged.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
            }, cancellationToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    private async Task PublicAccessThenPolicyAsync(BucketSpec desired, BucketState actual, CancellationToken cancellationToken)
    {
        var bucket = desired.Name;
        var blockChanges = actual.PublicAccessBlock != desired.PublicAccessBlock;
        var policyChanges = desired.Policy is null
            ? actual.Policy is not null
            : actual.Policy is null || !Pipectl.Core.Policies.PolicyDocumentComparer.AreEquivalent(actual.Policy, desired.Policy);

        // Tightening: remove a public policy before blocking it; relaxing: unblock before the policy.
        if (policyChanges && desired.Policy is null)
        {
            await s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
        }

        if (blockChanges)
        {
            var block = desired.PublicAccessBlock;
            await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
            {
                BucketName = bucket,
                PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
                {
                    BlockPublicAcls = block.BlockPublicAcls,
                    IgnorePublicAcls = block.IgnorePublicAcls,
                    BlockPublicPolicy = block.BlockPublicPolicy,
                    RestrictPublicBuckets = block.RestrictPublicBuckets,
                },
            }, cancellationToken).ConfigureAwait(false);
        }

        if (policyChanges && desired.Policy is { } policy)
        {
            try
            {
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "AccessDenied" && e.Message.Contains(BlockPublicPolicy, StringComparison.Ordinal))
            {
                // The account (or organization) blocks public policies: the bucket's own settings cannot lift it.
                throw PublicSitePreflight.Blocked(bucket, BlockPublicPolicy, e);
            }
        }
    }

    private async Task<BucketState> ReadSettingsAsync(string bucket, CancellationToken cancellationToken)
    {
        var versioning = s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket }, cancellationToken);
        var encryption = OrDefault(async () =>
        {
            var reply = await s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            return reply.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.Count > 0;
        }, false, "ServerSideEncryptionConfigurationNotFoundError");
        var block = OrDefault(async () =>
        {
            var c = (await s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false)).PublicAccessBlockConfiguration;
            return c is null ? PublicAccessBlock.None : new PublicAccessBlock(c.BlockPublicAcls ?? false, c.IgnorePublicAcls ?? false, c.BlockPublicPolicy ?? false, c.RestrictPublicBuckets ?? false);
        }, PublicAccessBlock.None, "NoSuchPublicAccessBlockConfiguration");
        var policy = OrDefault(async () =>
        {
            var reply = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);

            // The SDK hands back a 404 NoSuchBucketPolicy body as the "policy" text instead of throwing.
            var text = reply.Policy?.Trim();
            return reply.HttpStatusCode == HttpStatusCode.NotFound || string.IsNullOrEmpty(text) || !text.StartsWith('{') ? null : text;
        }, (string?)null, "NoSuchBucketPolicy");
        var website = OrDefault(async () =>
        {
            var w = (await s3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false)).WebsiteConfiguration;
            return w?.IndexDocumentSuffix is null ? null : new WebsiteSettings(w.IndexDocumentSuffix, w.ErrorDocument);
        }, (WebsiteSettings?)null, "NoSuchWebsiteConfiguration");
        var tags = OrDefault(async () =>
        {
            var set = (await s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false)).TagSet;
            return (IReadOnlyDictionary<string, string>)(set ?? []).ToDictionary(t => t.Key, t => t.Value);
        }, new Dictionary<string, string>(), "NoSuchTagSet");

        await Task.WhenAll(versioning, encryption, block, policy, website, tags).ConfigureAwait(false);
        return new BucketState(
            bucket,
            ArnFor(bucket),
            (await versioning.ConfigureAwait(false)).VersioningConfig?.Status == VersionStatus.Enabled,
            await encryption.ConfigureAwait(false),
            await block.ConfigureAwait(false),
            await policy.ConfigureAwait(false),
            await website.ConfigureAwait(false),
            await tags.ConfigureAwait(false));
    }

    private static async Task<T> OrDefault<T>(Func<Task<T>> read, T fallback, string notFoundCode)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == notFoundCode)
        {
            return fallback;
        }
    }

    private static ProvisioningException TakenByAnotherAccount(string bucket, AmazonS3Exception e) =>
        new($"The bucket name \"{bucket}\" is taken by another AWS account (bucket names are global): choose another with --artifact-bucket / --site-bucket.", e);

    private static string ArnFor(string bucket) => $"arn:aws:s3:::{bucket}";
}
