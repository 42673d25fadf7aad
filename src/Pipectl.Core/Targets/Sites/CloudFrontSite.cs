using Pipectl.Core.Naming;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Orchestration;

/// <summary>
/// The entries a <c>--site cloudfront</c> stack adds to <see cref="DesiredStack"/>: the distribution (with its
/// origin access control), and the Invalidate stage's CodeBuild project and role. CloudFront assigns the
/// distribution's id, so what names it (the site bucket's policy, the invalidation role's policy and the
/// project's <c>DISTRIBUTION_ID</c>) is completed at apply time from the distribution read back.
/// </summary>
internal sealed class CloudFrontSite : IStackComponent
{
    /// <summary>The environment variable the invalidation buildspec reads the distribution id from.</summary>
    public const string DistributionIdVariable = "DISTRIBUTION_ID";

    /// <summary>Stands for the id of a distribution a dry run would create (display only).</summary>
    public const string NewDistributionId = "<new-distribution>";

    /// <summary>
    /// The Invalidate project's buildspec. The AWS CLI is on every CodeBuild standard image; CreateInvalidation
    /// returns as soon as the invalidation is accepted, so the stage takes the build's start-up time only.
    /// </summary>
    public const string InvalidationBuildspec = """
        version: 0.2
        phases:
          build:
            commands:
              - aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths "/*"
        """;

    public static string NewDistributionArn(StackSpec spec) => new Arns(spec.Region, spec.AccountId).Distribution(NewDistributionId);

    public static DistributionSpec Distribution(StackSpec spec, IReadOnlyDictionary<string, string> tags) => new(
        spec.SiteBucketName,
        StackEndpoints.BucketRestDomain(spec.Region, spec.SiteBucketName),
        $"pipectl {spec.StackName}: website from s3://{spec.SiteBucketName}",
        tags)
    {
        FunctionName = spec.SiteIndexFunctionName,
    };

    /// <summary>
    /// Adds the private site bucket (its policy names the distribution, completed at apply time), the distribution
    /// and the Invalidate stage's project and role.
    /// </summary>
    public void Contribute(StackBuilder stack)
    {
        var spec = stack.Spec;
        var bucket = new BucketSpec(spec.SiteBucketName, spec.Region, Versioning: false, DefaultEncryption: true, PublicAccessBlock.AllBlocked, stack.Policies.CloudFrontSiteBucketPolicy(NewDistributionArn(spec)).ToJson(), Website: null, stack.Tags);
        var added = stack.Add(new ResourceEntry<BucketSpec, BucketState>(ResourceKeys.SiteBucket, StackParts.Buckets, [], bucket, d => d.Buckets)
        {
            NameOption = StackOptionNames.SiteBucketName,
            DesiredAtApply = BucketAtApply(spec, stack.Policies, bucket),
            Outputs = _ => new Dictionary<string, string> { [StackOutputs.SiteBucket] = spec.SiteBucketName },
        });

        // The pipeline's Deploy action writes into the bucket while it runs, and its Invalidate action names the project.
        stack.Pipeline.WaitFor(added.Key);
        stack.AddAll(Entries(spec, stack.Policies, stack.Tags, bucket));
        stack.Pipeline.WaitFor(ResourceKeys.InvalidationProject);
    }

    /// <summary>
    /// The distribution depends on the site bucket, its origin: the bucket is created first (CloudFront's origin check
    /// then never sees a missing bucket), without its policy, which names the distribution's ARN; once the distribution
    /// is created, its <see cref="ResourceEntry{TSpec, TState}.AfterApply"/> puts the bucket's policy. A re-run after a
    /// failure in between finds the distribution and writes the policy with the bucket (<see cref="BucketAtApply"/>).
    /// </summary>
    public static IEnumerable<ResourceEntry> Entries(StackSpec spec, StackPolicies policies, IReadOnlyDictionary<string, string> tags, BucketSpec siteBucket)
    {
        var distribution = Distribution(spec, tags);
        var role = RoleSpec.From(policies.InvalidationRole(NewDistributionArn(spec)), tags);
        var project = new BuildProjectSpec(
            spec.InvalidationProjectName,
            $"Invalidates the CloudFront cache of {spec.StackName}'s website after a deploy (managed by pipectl)",
            BuildSourceTypes.CodePipeline,
            null,
            InvalidationBuildspec,
            spec.BuildImage,
            StackDefaults.ComputeType,
            new Arns(spec.Region, spec.AccountId).Role(spec.InvalidationRoleName),
            StackNames.BuildLogGroup(spec.InvalidationProjectName),
            tags)
        {
            EnvironmentVariables = Variables(NewDistributionId),
        };

        yield return new ResourceEntry<DistributionSpec, DistributionState>(ResourceKeys.Distribution, StackParts.Buckets, [ResourceKeys.SiteBucket], distribution, d => d.Distributions)
        {
            AfterApply = async (context, outcome, ct) =>
            {
                if (outcome.Action == ResourceAction.Created && !context.Options.DryRun)
                {
                    await Converger.ConvergeAsync(context.Drivers.Buckets, await BucketAtApply(spec, policies, siteBucket)(context, ct).ConfigureAwait(false), dryRun: false, ct).ConfigureAwait(false);
                }

                return outcome;
            },
            NameOption = StackOptionNames.SiteBucketName,
            Outputs = state => new Dictionary<string, string> { [StackOutputs.WebsiteUrl] = state?.Url ?? $"https://{NewDistributionId}.cloudfront.net" },
        };
        yield return new ResourceEntry<RoleSpec, RoleState>(ResourceKeys.InvalidationRole, StackParts.Pipeline, [ResourceKeys.Distribution], role, d => d.Roles)
        {
            DesiredAtApply = async (context, ct) => RoleSpec.From(policies.InvalidationRole(await ArnAsync(context, distribution, spec, ct).ConfigureAwait(false)), tags),
        };
        yield return new ResourceEntry<BuildProjectSpec, BuildProjectState>(
            ResourceKeys.InvalidationProject,
            StackParts.Pipeline,
            [ResourceKeys.InvalidationRole, ResourceKeys.Distribution, ResourceKeys.ArtifactBucket],
            project,
            d => d.BuildProjects)
        {
            DesiredAtApply = async (context, ct) => project with
            {
                EnvironmentVariables = Variables((await ReadAsync(context, distribution, ct).ConfigureAwait(false))?.Id ?? NewDistributionId),
            },
        };
    }

    /// <summary>
    /// The site bucket's desired state with the policy naming the distribution as it exists now; before the distribution
    /// exists, a run writes the bucket without a policy (the distribution's entry puts it once CloudFront assigned the
    /// ARN), and a dry run shows the policy with the placeholder ARN.
    /// </summary>
    public static Func<ApplyContext, CancellationToken, Task<BucketSpec>> BucketAtApply(StackSpec spec, StackPolicies policies, BucketSpec bucket) =>
        async (context, ct) => (await ReadAsync(context, Distribution(spec, bucket.Tags), ct).ConfigureAwait(false))?.Arn is { } arn
            ? bucket with { Policy = policies.CloudFrontSiteBucketPolicy(arn).ToJson() }
            : bucket with { Policy = context.Options.DryRun ? policies.CloudFrontSiteBucketPolicy(NewDistributionArn(spec)).ToJson() : null };

    private static Dictionary<string, BuildVariable> Variables(string distributionId) => new() { [DistributionIdVariable] = new BuildVariable(distributionId) };

    private static Task<DistributionState?> ReadAsync(ApplyContext context, DistributionSpec distribution, CancellationToken ct) =>
        context.Drivers.Distributions.ReadAsync(distribution, ct);

    private static async Task<string> ArnAsync(ApplyContext context, DistributionSpec distribution, StackSpec spec, CancellationToken ct) =>
        (await ReadAsync(context, distribution, ct).ConfigureAwait(false))?.Arn ?? NewDistributionArn(spec);
}
