using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// An S3 bucket of a stack: the artifact store (private, versioned, encrypted, TLS only) or the hosting
/// bucket (website, public read policy unless the site is private).
/// </summary>
public sealed record BucketSpec(
    string Name,
    string Region,
    bool Versioning,
    bool DefaultEncryption,
    PublicAccessBlock PublicAccessBlock,
    string? Policy,
    WebsiteSettings? Website,
    IReadOnlyDictionary<string, string> Tags) : IDesiredState<BucketState>, IPolicyHolder
{
    public IReadOnlyList<KeyValuePair<string, string?>> PolicyDocuments => [new("bucket policy", Policy)];

    public IReadOnlyList<string> DifferencesFrom(BucketState actual)
    {
        var differences = new Differences()
            .Compare("versioning", actual.Versioning, Versioning)
            .Compare("default encryption", actual.DefaultEncryption, DefaultEncryption)
            .Compare("block public ACLs", actual.PublicAccessBlock.BlockPublicAcls, PublicAccessBlock.BlockPublicAcls)
            .Compare("ignore public ACLs", actual.PublicAccessBlock.IgnorePublicAcls, PublicAccessBlock.IgnorePublicAcls)
            .Compare("block public policy", actual.PublicAccessBlock.BlockPublicPolicy, PublicAccessBlock.BlockPublicPolicy)
            .Compare("restrict public buckets", actual.PublicAccessBlock.RestrictPublicBuckets, PublicAccessBlock.RestrictPublicBuckets)
            .Compare("website", actual.Website, Website);
        var same = Policy is null ? actual.Policy is null : actual.Policy is not null && PolicyDocumentComparer.AreEquivalent(actual.Policy, Policy);
        if (!same)
        {
            differences.ComparePolicy("bucket policy", actual.Policy, Policy);
        }

        return differences.CompareTags(actual.Tags, Tags);
    }
}
