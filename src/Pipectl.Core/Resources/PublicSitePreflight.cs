using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

namespace Pipectl.Core.Resources;

/// <summary>
/// Whether the account lets the stack's website bucket be public, and the one line that says what to do when
/// it does not. Account-level Block Public Access wins over the bucket's own settings: with BlockPublicPolicy
/// S3 refuses the public read policy (AccessDenied "... public policies are blocked by the BlockPublicPolicy
/// block public access setting"), and with RestrictPublicBuckets the policy is put but nobody outside the
/// account can read the site. Running pipectl again cannot change that.
/// </summary>
public static class PublicSitePreflight
{
    /// <summary>The refusal for <paramref name="spec"/> under the account's <paramref name="accountBlock"/>, or null when the site can be public.</summary>
    public static ProvisioningException? Refusal(PublicAccessBlock? accountBlock, StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Applies(spec) || accountBlock is null)
        {
            return null;
        }

        var setting = accountBlock.BlockPublicPolicy ? "BlockPublicPolicy" : accountBlock.RestrictPublicBuckets ? "RestrictPublicBuckets" : null;
        return setting is null ? null : Blocked(spec.SiteBucketName, setting);
    }

    /// <summary>
    /// Whether the check applies to <paramref name="spec"/>: only its site's bucket gets a public read policy
    /// (<see cref="ISiteKind.PublicBucket"/>); a private, CloudFront or container stack needs no read of the account's setting.
    /// </summary>
    public static bool Applies(StackSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return StackTargets.SiteOf(spec).PublicBucket;
    }

    /// <summary>The refusal of a public policy on <paramref name="bucket"/> by the account's <paramref name="setting"/>.</summary>
    public static ProvisioningException Blocked(string bucket, string setting, Exception? inner = null) => new(
        $"the account's S3 Block Public Access ({setting}) does not allow a public website in bucket {bucket}: " +
        $"run with {StackOptionNames.Site} cloudfront (HTTPS through CloudFront from a private bucket), or {StackOptionNames.PrivateSite} (the site is then reachable only through AWS credentials), " +
        "or have an administrator lift the account's Block Public Access setting (S3 console > Block Public Access settings for this account, or the organization's policy); running pipectl again cannot change it.",
        inner)
    {
        RerunHelps = false,
    };
}
