using System.Diagnostics;
using System.Xml.Linq;
using Pipectl.Aws.CloudFront;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Runtime;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The CloudFront distribution of a CloudFront site and its origin access control (named like the site bucket).
/// The distribution is found by its origin, the bucket's REST domain. Create makes (or finds) the access control
/// and creates the distribution with its tags; update sends the whole desired config with the ETag just read
/// (If-Match), keeping the distribution and its domain. Delete disables it, waits until the change has deployed
/// (minutes on AWS, shown as progress, cancelled by --timeout), deletes it with the ETag of that last read and
/// then the access control, then the index function. An interrupted delete finds the distribution disabled and
/// goes on from there. The viewer-request index function is made (CreateFunction, tagged), published to LIVE and
/// associated before the distribution is created or updated; a function of that name whose comment is not
/// pipectl's is never changed or deleted.
/// </summary>
public sealed class DistributionDriver(CloudFrontClient cloudFront, IStackProgress progress) : IResourceDriver<DistributionSpec, DistributionState>
{
    private const string OriginId = "site-bucket";
    private const string DevelopmentStage = "DEVELOPMENT";
    private const string LiveStage = "LIVE";

    private const string DistributionAlreadyExists = "DistributionAlreadyExists";

    private const string OriginAccessControlAlreadyExists = "OriginAccessControlAlreadyExists";

    private const string FunctionAlreadyExists = "FunctionAlreadyExists";

    public string Type => ResourceTypes.Distribution;

    /// <summary>Leave a disabled distribution for a later teardown instead of waiting for it to deploy (--no-wait).</summary>
    public bool NoWait { get; init; }

    /// <summary>How often the teardown looks whether the disabled distribution has deployed.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public string? ArnOf(DistributionState state) => state.Arn;

    public async Task<DistributionState?> ReadAsync(DistributionSpec desired, CancellationToken cancellationToken)
    {
        var summary = await FindAsync(desired.OriginDomain, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return null;
        }

        var id = summary.ChildText("Id")!;
        try
        {
            var (config, _) = await cloudFront.GetDistributionConfigAsync(id, cancellationToken).ConfigureAwait(false);
            return await StateAsync(summary, config, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task<DistributionState> CreateAsync(DistributionSpec desired, CancellationToken cancellationToken)
    {
        var accessControl = await OwnAccessControlAsync(desired, usedBy: null, cancellationToken).ConfigureAwait(false);
        var function = await PublishedFunctionAsync(desired, cancellationToken).ConfigureAwait(false);

        // The caller reference comes from the stack's own access control (one per account and name, so two bootstraps
        // of one stack at once share it; a new one after a teardown): CloudFront then makes one distribution for both,
        // and answers the second create with DistributionAlreadyExists (CloudFront API Reference, DistributionConfig:
        // "If CallerReference is a value that you already sent in a previous request to create a distribution,
        // CloudFront returns a DistributionAlreadyExists error"), and the loser adopts the winner's distribution.
        // A reference whose distribution was deleted since (the access control outlived it) stays taken: the next
        // reference of the same sequence is tried, so two runs at once still agree on one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreateDistributionAsync(desired, accessControl, function, CallerReferenceFor(accessControl, attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (AwsApiException e) when (e.ErrorCode == DistributionAlreadyExists)
            {
                if (await ReadAsync(desired, cancellationToken).ConfigureAwait(false) is { } made)
                {
                    return StackOwnership.IsOwnedBy(made, desired.Tags)
                        ? made
                        : throw new ProvisioningException($"CloudFront distribution {made.Id} serves s3://{desired.Name} and is not this stack's (its tags say otherwise): pipectl neither uses nor deletes it.") { RerunHelps = false };
                }

                if (attempt == MaxCallerReferences)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>How many caller references of an access control's sequence a create tries (each taken one was a deleted distribution's).</summary>
    private const int MaxCallerReferences = 5;

    /// <summary>
    /// The caller reference of the stack's distribution: derived from its access control's id (<paramref name="attempt"/>
    /// 1), then <c>-2</c>, <c>-3</c>, ... for the distributions made after an earlier one with that access control was deleted.
    /// </summary>
    public static string CallerReferenceFor(string accessControlId, int attempt = 1) => attempt == 1 ? $"pipectl-{accessControlId}" : $"pipectl-{accessControlId}-{attempt}";

    private async Task<DistributionState> CreateDistributionAsync(DistributionSpec desired, string accessControl, string function, string callerReference, CancellationToken cancellationToken)
    {
        var withTags = new XElement(
            CloudFrontClient.Xmlns + "DistributionConfigWithTags",
            Config(desired, accessControl, function, callerReference),
            new XElement(CloudFrontClient.Xmlns + "Tags", new XElement(CloudFrontClient.Xmlns + "Items", desired.Tags.Select(tag =>
                new XElement(CloudFrontClient.Xmlns + "Tag", new XElement(CloudFrontClient.Xmlns + "Key", tag.Key), new XElement(CloudFrontClient.Xmlns + "Value", tag.Value))))));
        var (distribution, _) = await cloudFront.CreateDistributionWithTagsAsync(withTags, cancellationToken).ConfigureAwait(false);
        return await StateAsync(distribution, distribution.Child("DistributionConfig"), cancellationToken).ConfigureAwait(false);
    }

    public async Task<DistributionState> UpdateAsync(DistributionSpec desired, DistributionState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        var (current, etag) = await cloudFront.GetDistributionConfigAsync(actual.Id, cancellationToken).ConfigureAwait(false);
        var accessControl = await OwnAccessControlAsync(desired, actual.OriginAccessControlId, cancellationToken).ConfigureAwait(false);

        // A stack made when long names were cut keeps the function its distribution uses (DistributionSpec.FunctionNameOn).
        var function = await PublishedFunctionAsync(desired with { FunctionName = desired.FunctionNameOn(actual) }, cancellationToken).ConfigureAwait(false);

        // The whole desired config replaces the old one; the caller reference is the distribution's for good.
        var config = Config(desired, accessControl, function, current.ChildText("CallerReference") ?? actual.Id);
        var (distribution, _) = await cloudFront.UpdateDistributionAsync(actual.Id, config, etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
        return await StateAsync(distribution, distribution.Child("DistributionConfig"), cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(DistributionState actual, CancellationToken cancellationToken)
    {
        try
        {
            if (!actual.OnlyAccessControlLeft)
            {
                await DeleteDistributionAsync(actual, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AwsResourceNotFoundException)
        {
            // Deleted by an earlier run that stopped before the access control.
        }

        // Only the access control pipectl made for this stack (its description is the record), or the one the stack's
        // own distribution signed with: never another one that merely has the site bucket's name. Once the
        // distribution and its access control are both gone, only the index function is left to delete.
        var owned = actual.OnlyAccessControlLeft && actual.OriginAccessControlId is null
            ? default
            : (await AccessControlsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c =>
                c.Name == actual.OriginAccessControlName && (c.Id == actual.OriginAccessControlId || c.Description == RecordOf(actual.OriginAccessControlName, actual.Tags)));
        if (owned.Id is { Length: > 0 } accessControl)
        {
            try
            {
                var etag = await cloudFront.GetOriginAccessControlETagAsync(accessControl, cancellationToken).ConfigureAwait(false);
                await cloudFront.DeleteOriginAccessControlAsync(accessControl, etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsResourceNotFoundException)
            {
            }
        }

        if (actual.ViewerRequestFunction is { } function && actual.OriginAccessControlName is { } bucket)
        {
            await DeleteFunctionAsync(function, DistributionSpec.FunctionCommentFor(bucket), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disables the distribution, waits until that has deployed, and deletes it.</summary>
    private async Task DeleteDistributionAsync(DistributionState actual, CancellationToken cancellationToken)
    {
        var (config, etag) = await cloudFront.GetDistributionConfigAsync(actual.Id, cancellationToken).ConfigureAwait(false);
        if (IsTrue(config.ChildText("Enabled")))
        {
            config.Child("Enabled")!.Value = "false";
            await cloudFront.UpdateDistributionAsync(actual.Id, Namespaced(config), etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        var deployedETag = await DeployedAsync(actual, cancellationToken).ConfigureAwait(false);
        await cloudFront.DeleteDistributionAsync(actual.Id, deployedETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The index function as the distribution must name it: created and published, or brought to the desired code and
    /// published again; returns its ARN. A function of that name that is not pipectl's stops the run.
    /// </summary>
    private async Task<string> PublishedFunctionAsync(DistributionSpec desired, CancellationToken cancellationToken)
    {
        var code = System.Text.Encoding.UTF8.GetBytes(DistributionSpec.IndexFunctionCode);
        XElement summary;
        string? etag;
        try
        {
            (summary, etag) = await cloudFront.DescribeFunctionAsync(desired.FunctionName, DevelopmentStage, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            try
            {
                var (created, createdETag) = await cloudFront.CreateFunctionAsync(desired.FunctionName, desired.FunctionComment, DistributionSpec.FunctionRuntime, code, desired.Tags, cancellationToken).ConfigureAwait(false);
                await cloudFront.PublishFunctionAsync(desired.FunctionName, createdETag ?? string.Empty, cancellationToken).ConfigureAwait(false);
                return FunctionArn(created);
            }
            catch (AwsApiException e) when (e.ErrorCode == FunctionAlreadyExists)
            {
                // Another run of this stack made it a moment ago (CloudFront API Reference, CreateFunction: a function's
                // name is unique in the account, FunctionAlreadyExists): read it again, and use it only when its comment
                // says it is this stack's (below).
                (summary, etag) = await cloudFront.DescribeFunctionAsync(desired.FunctionName, DevelopmentStage, cancellationToken).ConfigureAwait(false);
            }
        }

        if (summary.Child("FunctionConfig").ChildText("Comment") != desired.FunctionComment)
        {
            throw new ProvisioningException(
                $"CloudFront Function {desired.FunctionName} exists and is not this stack's (its comment is not \"{desired.FunctionComment}\"); pipectl does not change it. Delete or rename it, or use another stack name.");
        }

        var development = await cloudFront.GetFunctionCodeAsync(desired.FunctionName, DevelopmentStage, cancellationToken).ConfigureAwait(false);
        if (!code.SequenceEqual(development))
        {
            (_, etag) = await cloudFront.UpdateFunctionAsync(desired.FunctionName, desired.FunctionComment, DistributionSpec.FunctionRuntime, code, etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
            await cloudFront.PublishFunctionAsync(desired.FunctionName, etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }
        else if (await LiveCodeAsync(desired.FunctionName, cancellationToken).ConfigureAwait(false) != DistributionSpec.IndexFunctionCode)
        {
            await cloudFront.PublishFunctionAsync(desired.FunctionName, etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        return FunctionArn(summary);
    }

    /// <summary>Deletes the index function once no distribution names it, when its comment says it is pipectl's.</summary>
    private async Task DeleteFunctionAsync(string name, string comment, CancellationToken cancellationToken)
    {
        try
        {
            var (summary, etag) = await cloudFront.DescribeFunctionAsync(name, DevelopmentStage, cancellationToken).ConfigureAwait(false);
            if (summary.Child("FunctionConfig").ChildText("Comment") == comment)
            {
                await cloudFront.DeleteFunctionAsync(name, etag ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AwsResourceNotFoundException)
        {
            // Deleted by an earlier run.
        }
    }

    /// <summary>The LIVE code of a function, or null when it has no LIVE stage.</summary>
    private async Task<string?> LiveCodeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(await cloudFront.GetFunctionCodeAsync(name, LiveStage, cancellationToken).ConfigureAwait(false));
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    private static string FunctionArn(XElement summary) =>
        summary.Child("FunctionMetadata").ChildText("FunctionARN") ?? throw new ProvisioningException("CloudFront returned a function summary without its ARN.");

    /// <summary>Waits until the disabled distribution has deployed; returns the ETag the delete must send.</summary>
    private async Task<string> DeployedAsync(DistributionState actual, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var (distribution, etag) = await cloudFront.GetDistributionAsync(actual.Id, cancellationToken).ConfigureAwait(false);
            if (distribution.ChildText("Status") == DistributionState.DeployedStatus)
            {
                return etag ?? string.Empty;
            }

            if (NoWait)
            {
                throw new DeletionDeferredException(
                    $"disabled; CloudFront is deploying the change (about 15 minutes): run teardown again later with --site cloudfront (the pipeline that named the site is gone) to delete distribution {actual.Id} and its origin access control");
            }

            progress.Waiting($"waiting for CloudFront to deploy disabled distribution {actual.Id} ({watch.Elapsed.TotalSeconds:0} s so far; --timeout stops the wait, and the next teardown finishes it)");
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<XElement?> FindAsync(string originDomain, CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var list = await cloudFront.ListDistributionsAsync(marker, cancellationToken).ConfigureAwait(false);
            var match = list.Child("Items")?.Elements().FirstOrDefault(d =>
                d.Child("Origins").Child("Items")?.Elements().Any(o => string.Equals(o.ChildText("DomainName"), originDomain, StringComparison.OrdinalIgnoreCase)) == true);
            if (match is not null)
            {
                return match;
            }

            marker = IsTrue(list.ChildText("IsTruncated")) ? list.ChildText("NextMarker") : null;
        }
        while (marker is not null);
        return null;
    }

    /// <summary>
    /// A teardown also finds the stack's origin access control when the distribution is gone (a teardown stopped right
    /// after deleting it): the next one deletes what is left. It is found by its record, never by its name alone.
    /// </summary>
    public async Task<DistributionState?> ReadToDeleteAsync(DistributionSpec desired, CancellationToken cancellationToken)
    {
        var state = await ReadAsync(desired, cancellationToken).ConfigureAwait(false);
        if (state is not null)
        {
            return state;
        }

        var record = RecordOf(desired.Name, desired.Tags);
        var left = (await AccessControlsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Name == desired.Name && c.Description == record);
        if (left.Id is { Length: > 0 } id)
        {
            return Leftovers(desired, id);
        }

        // A teardown stopped after the access control and before the index function: the function alone, when its
        // comment says it is this stack's (one more read, only for a stack whose distribution is gone).
        return await OwnFunctionExistsAsync(desired.FunctionName, desired.FunctionComment, cancellationToken).ConfigureAwait(false)
            ? Leftovers(desired, accessControlId: null)
            : null;
    }

    /// <summary>What is left of the stack's distribution once it is deleted: its access control (when not null) and index function.</summary>
    private static DistributionState Leftovers(DistributionSpec desired, string? accessControlId) =>
        new(string.Empty, string.Empty, string.Empty, DistributionState.DeployedStatus, false, desired.OriginDomain, desired.Name, string.Empty, string.Empty, null, [], desired.Tags)
        {
            OriginAccessControlId = accessControlId,
            ViewerRequestFunction = desired.FunctionName,
        };

    private async Task<bool> OwnFunctionExistsAsync(string name, string comment, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return false;
        }

        try
        {
            var (summary, _) = await cloudFront.DescribeFunctionAsync(name, DevelopmentStage, cancellationToken).ConfigureAwait(false);
            return summary.Child("FunctionConfig").ChildText("Comment") == comment;
        }
        catch (AwsResourceNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// What pipectl records on the origin access control it creates (an access control has no tags): its description
    /// names the stack and region that own it. Only an access control with this record, or the one the stack's own
    /// distribution already signs with, is used or deleted; one merely named like the site bucket is neither.
    /// </summary>
    public static string RecordOf(string? bucket, IReadOnlyDictionary<string, string> stackTags)
    {
        ArgumentNullException.ThrowIfNull(stackTags);
        stackTags.TryGetValue(StackDefaults.StackTagKey, out var stack);
        stackTags.TryGetValue(StackOwnership.RegionTagKey, out var region);
        return $"pipectl stack {stack} in {region}: CloudFront reads s3://{bucket}";
    }

    /// <summary>
    /// The id of the stack's own access control for <paramref name="desired"/>: the one with its record, or the one the
    /// stack's distribution signs with (<paramref name="usedBy"/>: made before the record was written); created when
    /// there is none. One of that name made by someone else is refused, neither adopted nor changed.
    /// </summary>
    private async Task<string> OwnAccessControlAsync(DistributionSpec desired, string? usedBy, CancellationToken cancellationToken)
    {
        var record = RecordOf(desired.Name, desired.Tags);
        var named = (await AccessControlsAsync(cancellationToken).ConfigureAwait(false)).Where(c => c.Name == desired.Name).ToList();
        if (named.FirstOrDefault(c => c.Description == record || (usedBy is not null && c.Id == usedBy)).Id is { Length: > 0 } own)
        {
            return own;
        }

        if (named.Count > 0)
        {
            throw NotOurs(desired.Name);
        }

        try
        {
            return await cloudFront.CreateOriginAccessControlAsync(desired.Name, record, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.ErrorCode == OriginAccessControlAlreadyExists)
        {
            // Another run of this stack made it a moment ago (CloudFront API Reference, CreateOriginAccessControl:
            // OriginAccessControlAlreadyExists, 409, for a name the account has): use that one only if its record says
            // it is this stack's; one someone else made just now is refused like one found before.
            if ((await AccessControlsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Name == desired.Name && c.Description == record).Id is { Length: > 0 } theirs)
            {
                return theirs;
            }

            throw NotOurs(desired.Name);
        }
    }

    private static ProvisioningException NotOurs(string accessControl) => new(
        $"CloudFront origin access control {accessControl} already exists and was not created by pipectl for this stack: pipectl neither uses nor deletes it. Delete or rename it yourself, or give the site bucket another name (--site-bucket).")
    {
        RerunHelps = false,
    };

    private async Task<List<(string Id, string Name, string Description)>> AccessControlsAsync(CancellationToken cancellationToken)
    {
        var found = new List<(string Id, string Name, string Description)>();
        string? marker = null;
        do
        {
            var list = await cloudFront.ListOriginAccessControlsAsync(marker, cancellationToken).ConfigureAwait(false);
            found.AddRange(list.Child("Items")?.Elements().Select(c => (c.ChildText("Id") ?? string.Empty, c.ChildText("Name") ?? string.Empty, c.ChildText("Description") ?? string.Empty)) ?? []);
            marker = IsTrue(list.ChildText("IsTruncated")) ? list.ChildText("NextMarker") : null;
        }
        while (marker is not null);
        return found;
    }

    /// <summary>The state from a distribution (or summary) element and its config.</summary>
    private async Task<DistributionState> StateAsync(XElement distribution, XElement? config, CancellationToken cancellationToken)
    {
        var arn = distribution.ChildText("ARN") ?? string.Empty;
        var origin = config.Child("Origins").Child("Items")?.Elements().FirstOrDefault();
        var accessControlId = origin.ChildText("OriginAccessControlId");
        var accessControlName = string.IsNullOrEmpty(accessControlId)
            ? null
            : (await AccessControlsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Id == accessControlId).Name;
        var behavior = config.Child("DefaultCacheBehavior");
        var function = behavior.Child("FunctionAssociations").Child("Items")?.Elements()
            .FirstOrDefault(a => a.ChildText("EventType") == DistributionSpec.FunctionEventType)
            .ChildText("FunctionARN") is { Length: > 0 } functionArn ? functionArn[(functionArn.LastIndexOf('/') + 1)..] : null;
        var errors = config.Child("CustomErrorResponses").Child("Items")?.Elements()
            .Select(e => (Code: int.TryParse(e.ChildText("ErrorCode"), out var code) ? code : 0, e))
            .OrderBy(e => e.Code)
            .Select(e => DistributionSpec.ErrorResponse(e.Code, e.e.ChildText("ResponsePagePath"), e.e.ChildText("ResponseCode")))
            .ToList() ?? [];
        return new DistributionState(
            distribution.ChildText("Id") ?? string.Empty,
            arn,
            distribution.ChildText("DomainName") ?? string.Empty,
            distribution.ChildText("Status") ?? string.Empty,
            IsTrue(config.ChildText("Enabled")),
            origin.ChildText("DomainName") ?? string.Empty,
            accessControlName,
            behavior.ChildText("ViewerProtocolPolicy") ?? string.Empty,
            config.ChildText("DefaultRootObject") ?? string.Empty,
            NullIfEmpty(behavior.ChildText("CachePolicyId")),
            errors,
            await cloudFront.ListTagsForResourceAsync(arn, cancellationToken).ConfigureAwait(false))
        {
            OriginAccessControlId = string.IsNullOrEmpty(accessControlId) ? null : accessControlId,
            ViewerRequestFunction = function,
            ViewerRequestFunctionCode = function is null ? null : await LiveCodeAsync(function, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The whole DistributionConfig pipectl wants, its elements in the order of CloudFront's schema.</summary>
    private static XElement Config(DistributionSpec desired, string accessControlId, string functionArn, string callerReference)
    {
        var ns = CloudFrontClient.Xmlns;
        return new XElement(
            ns + "DistributionConfig",
            new XElement(ns + "CallerReference", callerReference),
            new XElement(ns + "DefaultRootObject", DistributionSpec.DefaultRootObject),
            new XElement(ns + "Origins", new XElement(ns + "Quantity", 1), new XElement(ns + "Items", new XElement(
                ns + "Origin",
                new XElement(ns + "Id", OriginId),
                new XElement(ns + "DomainName", desired.OriginDomain),
                // With an origin access control the legacy identity must be present and empty.
                new XElement(ns + "S3OriginConfig", new XElement(ns + "OriginAccessIdentity", string.Empty)),
                new XElement(ns + "OriginAccessControlId", accessControlId)))),
            new XElement(
                ns + "DefaultCacheBehavior",
                new XElement(ns + "TargetOriginId", OriginId),
                new XElement(ns + "ViewerProtocolPolicy", DistributionSpec.ViewerProtocolPolicy),
                new XElement(ns + "Compress", "true"),
                new XElement(ns + "FunctionAssociations", new XElement(ns + "Quantity", 1), new XElement(ns + "Items", new XElement(
                    ns + "FunctionAssociation",
                    new XElement(ns + "FunctionARN", functionArn),
                    new XElement(ns + "EventType", DistributionSpec.FunctionEventType)))),
                new XElement(ns + "CachePolicyId", DistributionSpec.CachingOptimizedPolicyId)),
            new XElement(ns + "CustomErrorResponses", new XElement(ns + "Quantity", DistributionSpec.ErrorCodes.Count), new XElement(ns + "Items", DistributionSpec.ErrorCodes.Select(code => new XElement(
                ns + "CustomErrorResponse",
                new XElement(ns + "ErrorCode", code),
                new XElement(ns + "ResponsePagePath", DistributionSpec.ErrorPagePath),
                new XElement(ns + "ResponseCode", "404"))))),
            new XElement(ns + "Comment", desired.Comment),
            new XElement(ns + "Enabled", "true"));
    }

    /// <summary>A config as read back, with every element in the request namespace (a reply may carry none).</summary>
    private static XElement Namespaced(XElement element) => new(
        CloudFrontClient.Xmlns + element.Name.LocalName,
        element.HasElements ? element.Elements().Select(Namespaced) : element.Value);

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
