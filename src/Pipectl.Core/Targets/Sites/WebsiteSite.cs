using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>The site bucket of an S3 static-website stack: public (website endpoint) or private (<c>--private-site</c>).</summary>
internal sealed class WebsiteSite : IStackComponent
{
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var bucket = new BucketSpec(
            spec.SiteBucketName,
            spec.Region,
            Versioning: false,
            DefaultEncryption: true,
            spec.PrivateSite ? PublicAccessBlock.AllBlocked : PublicAccessBlock.PublicReadPolicyAllowed,
            stack.Policies.SiteBucketPolicy()?.ToJson(),
            new WebsiteSettings(DesiredStack.WebsiteIndexDocument, DesiredStack.WebsiteErrorDocument),
            stack.Tags);
        var added = stack.Add(new ResourceEntry<BucketSpec, BucketState>(ResourceKeys.SiteBucket, StackParts.Buckets, [], bucket, d => d.Buckets)
        {
            NameOption = StackOptionNames.SiteBucketName,
            Outputs = _ => new Dictionary<string, string>
            {
                [StackOutputs.SiteBucket] = spec.SiteBucketName,
                [StackOutputs.WebsiteUrl] = StackEndpoints.WebsiteUrl(spec.Region, spec.SiteBucketName),
            },
        });

        // The pipeline's Deploy action writes into it while it runs.
        stack.Pipeline.WaitFor(added.Key);
    }
}
