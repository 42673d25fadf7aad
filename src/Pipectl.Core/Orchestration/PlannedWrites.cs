using System.Text.Json.Nodes;
using Pipectl.Core.Naming;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Orchestration;

/// <summary>One IAM action a run will be authorized for, on the ARN of the resource the request names.</summary>
/// <param name="Action">The IAM action, e.g. <c>codepipeline:CreatePipeline</c>.</param>
/// <param name="Resource">The ARN the request is authorized against.</param>
public sealed record PlannedWrite(string Action, string Resource);

/// <summary>
/// The writes a plan will send, as (IAM action, resource ARN) pairs, for the permission check before the first
/// write (<see cref="ApplyOptions.CheckWrites"/>). Read from the plan itself: the type, action and desired state of
/// each resource to create or update. Only what every such run sends is listed, so the check never refuses a run
/// that would pass: a create's requests (the bucket settings its desired state has, the role a project, pipeline or
/// rule target passes), and for an update the request that replaces the resource's settings (a project's
/// UpdateProject, a pipeline's UpdatePipeline, a role's PutRolePolicy or UpdateAssumeRolePolicy). Tagging requests,
/// and resources whose ARN AWS assigns at creation (a CloudFront distribution, a connection), are not listed:
/// docs/permissions.md, "Before the first write".
/// </summary>
public static class PlannedWrites
{
    /// <summary>The distinct (action, resource) pairs of <paramref name="plan"/> in <paramref name="region"/> and <paramref name="accountId"/>, in plan order.</summary>
    public static IReadOnlyList<PlannedWrite> Of(IReadOnlyList<ResourceOutcome> plan, string region, string accountId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var arns = new Arns(region, accountId);
        return plan.SelectMany(o => o.Action switch
        {
            ResourceAction.WouldCreate or ResourceAction.Created => Creating(o, arns),
            ResourceAction.WouldUpdate or ResourceAction.Updated => Updating(o, arns),
            _ => [],
        }).Distinct().ToList();
    }

    /// <summary>True when the plan creates or changes anything (a no-op re-run is checked for nothing and sends nothing).</summary>
    public static bool HasWrites(IReadOnlyList<ResourceOutcome> plan) =>
        plan is not null && plan.Any(o => o.Action is ResourceAction.WouldCreate or ResourceAction.WouldUpdate or ResourceAction.WouldDelete);

    private static IEnumerable<PlannedWrite> Creating(ResourceOutcome o, Arns arns)
    {
        var desired = o.Desired;
        switch (o.Type)
        {
            case ResourceTypes.Repository:
                yield return new("codecommit:CreateRepository", arns.Repository(o.Name));
                break;
            case ResourceTypes.Bucket:
                var bucket = arns.Bucket(o.Name);
                yield return new("s3:CreateBucket", bucket);
                if (Flag(desired, "defaultEncryption"))
                {
                    yield return new("s3:PutEncryptionConfiguration", bucket);
                }

                if (desired?["publicAccessBlock"] is JsonObject)
                {
                    yield return new("s3:PutBucketPublicAccessBlock", bucket);
                }

                if (Flag(desired, "versioning"))
                {
                    yield return new("s3:PutBucketVersioning", bucket);
                }

                if (desired?["website"] is JsonObject)
                {
                    yield return new("s3:PutBucketWebsite", bucket);
                }

                if (desired?["policy"] is JsonObject)
                {
                    yield return new("s3:PutBucketPolicy", bucket);
                }

                break;
            case ResourceTypes.Role:
                var role = arns.Role(o.Name);
                yield return new("iam:CreateRole", role);
                if (desired?["inlinePolicies"] is JsonObject { Count: > 0 })
                {
                    yield return new("iam:PutRolePolicy", role);
                }

                break;
            case ResourceTypes.BuildProject:
                yield return new("codebuild:CreateProject", arns.BuildProject(o.Name));
                foreach (var pass in PassRole(desired?["serviceRole"]))
                {
                    yield return pass;
                }

                break;
            case ResourceTypes.Pipeline:
                yield return new("codepipeline:CreatePipeline", arns.Pipeline(o.Name));
                foreach (var pass in PassRole(desired?["roleArn"]))
                {
                    yield return pass;
                }

                break;
            case ResourceTypes.Rule:
                var rule = arns.Rule(o.Name);
                yield return new("events:PutRule", rule);
                if (desired?["target"] is JsonObject target)
                {
                    yield return new("events:PutTargets", rule);
                    foreach (var pass in PassRole(target["roleArn"]))
                    {
                        yield return pass;
                    }
                }

                break;
            case ResourceTypes.Topic:
                yield return new("sns:CreateTopic", arns.Topic(o.Name));
                break;
            case ResourceTypes.EcrRepository:
                yield return new("ecr:CreateRepository", arns.EcrRepository(o.Name));
                break;
            case ResourceTypes.ReportGroup:
                yield return new("codebuild:CreateReportGroup", arns.ReportGroup(o.Name));
                break;
        }
    }

    private static IEnumerable<PlannedWrite> Updating(ResourceOutcome o, Arns arns)
    {
        var attributes = o.ChangeDetails().Select(c => c.Attribute).Where(a => !a.StartsWith("tag", StringComparison.OrdinalIgnoreCase)).ToList();
        if (attributes.Count == 0)
        {
            yield break;
        }

        switch (o.Type)
        {
            case ResourceTypes.BuildProject:
                yield return new("codebuild:UpdateProject", o.Arn ?? arns.BuildProject(o.Name));
                break;
            case ResourceTypes.Pipeline:
                yield return new("codepipeline:UpdatePipeline", o.Arn ?? arns.Pipeline(o.Name));
                break;
            case ResourceTypes.Role:
                var role = o.Arn ?? arns.Role(o.Name);
                if (attributes.Any(a => a.StartsWith("inline policy", StringComparison.Ordinal)))
                {
                    yield return new("iam:PutRolePolicy", role);
                }

                if (attributes.Any(a => a.StartsWith("trust", StringComparison.Ordinal)))
                {
                    yield return new("iam:UpdateAssumeRolePolicy", role);
                }

                break;
        }
    }

    private static IEnumerable<PlannedWrite> PassRole(JsonNode? roleArn) =>
        roleArn?.GetValueKind() == System.Text.Json.JsonValueKind.String && roleArn.GetValue<string>() is { Length: > 0 } arn
            ? [new("iam:PassRole", arn)]
            : [];

    private static bool Flag(JsonObject? desired, string name) =>
        desired?[name]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
