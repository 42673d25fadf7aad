using System.Text.Json.Nodes;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// A resource's desired state as one JSON object, for a plan a person reviews: a role's trust and inline
/// policies, a bucket's settings and policy, the pipeline declaration, the rule's event pattern and target, the
/// project's settings. Documents are parsed, not quoted. Build variables appear by name and type only (a
/// value may be a secret); an inline buildspec by its size and hash.
/// </summary>
public static class DesiredDocument
{
    /// <summary>The document of <paramref name="desired"/>, or null for a kind it does not know.</summary>
    public static JsonObject? Of(object desired) => desired switch
    {
        RoleSpec role => Role(role),
        BucketSpec bucket => Bucket(bucket),
        BuildProjectSpec project => Project(project),
        PipelineSpec pipeline => Pipeline(pipeline.Declaration),
        RuleSpec rule => Rule(rule),
        TopicSpec topic => new JsonObject { ["name"] = topic.Name, ["emailSubscription"] = topic.Email.Length > 0 ? topic.Email : null },
        DistributionSpec distribution => new JsonObject
        {
            ["originAccessControl"] = distribution.Name,
            ["origin"] = distribution.OriginDomain,
            ["comment"] = distribution.Comment,
            ["viewerProtocolPolicy"] = DistributionSpec.ViewerProtocolPolicy,
            ["defaultRootObject"] = DistributionSpec.DefaultRootObject,
            ["cachePolicy"] = DistributionSpec.CachingOptimizedPolicyId,
            ["errorResponses"] = new JsonArray([.. DistributionSpec.ErrorResponses.Select(r => (JsonNode)JsonValue.Create(r))]),
            ["viewerRequestFunction"] = distribution.FunctionName.Length == 0 ? null : new JsonObject
            {
                ["name"] = distribution.FunctionName,
                ["eventType"] = DistributionSpec.FunctionEventType,
                ["runtime"] = DistributionSpec.FunctionRuntime,
                ["comment"] = distribution.FunctionComment,
                ["code"] = DistributionSpec.IndexFunctionSummary,
            },
        },
        ReportGroupSpec group => new JsonObject { ["name"] = group.Name, ["arn"] = group.Arn, ["type"] = group.Type, ["export"] = ReportGroupSpec.NoExport },
        RepositorySpec repository => new JsonObject { ["name"] = repository.Name, ["description"] = repository.Description },
        ConnectionSpec connection => new JsonObject { ["name"] = connection.Name, ["providerType"] = connection.ProviderType },
        EcrRepositorySpec ecr => new JsonObject
        {
            ["name"] = ecr.Name,
            ["scanOnPush"] = ecr.ScanOnPush,
            ["lifecyclePolicy"] = Differences.Document(ecr.LifecyclePolicy),
        },
        EcsServiceSpec service => new JsonObject { ["cluster"] = service.Cluster, ["service"] = service.Service, ["containerName"] = service.ContainerName, ["managedByPipectl"] = false },
        _ => null,
    };

    private static JsonObject Role(RoleSpec role)
    {
        var inline = new JsonObject();
        foreach (var (name, document) in role.InlinePolicies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            inline[name] = Differences.Document(document);
        }

        return new JsonObject
        {
            ["name"] = role.Name,
            ["description"] = role.Description,
            ["trustPolicy"] = Differences.Document(role.TrustPolicy),
            ["inlinePolicies"] = inline,
        };
    }

    private static JsonObject Bucket(BucketSpec bucket) => new()
    {
        ["name"] = bucket.Name,
        ["region"] = bucket.Region,
        ["versioning"] = bucket.Versioning,
        ["defaultEncryption"] = bucket.DefaultEncryption,
        ["publicAccessBlock"] = new JsonObject
        {
            ["blockPublicAcls"] = bucket.PublicAccessBlock.BlockPublicAcls,
            ["ignorePublicAcls"] = bucket.PublicAccessBlock.IgnorePublicAcls,
            ["blockPublicPolicy"] = bucket.PublicAccessBlock.BlockPublicPolicy,
            ["restrictPublicBuckets"] = bucket.PublicAccessBlock.RestrictPublicBuckets,
        },
        ["website"] = bucket.Website is { } website ? new JsonObject { ["indexDocument"] = website.IndexDocument, ["errorDocument"] = website.ErrorDocument } : null,
        ["policy"] = Differences.Document(bucket.Policy),
    };

    private static JsonObject Project(BuildProjectSpec project)
    {
        var variables = new JsonObject();
        foreach (var (name, variable) in project.EnvironmentVariables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            variables[name] = new JsonObject { ["type"] = variable.Type };
        }

        return new JsonObject
        {
            ["name"] = project.Name,
            ["description"] = project.Description,
            ["sourceType"] = project.SourceType,
            ["sourceLocation"] = project.SourceLocation,
            ["artifactsType"] = project.ArtifactsType,
            ["environmentType"] = project.EnvironmentType,
            ["image"] = project.Image,
            ["computeType"] = project.ComputeType,
            ["privileged"] = project.Privileged,
            ["serviceRole"] = project.ServiceRoleArn,
            ["logGroup"] = project.LogGroupName,
            ["buildspec"] = BuildProjectSpec.Summary(project.Buildspec) ?? "the repository's buildspec.yml",
            ["environmentVariables"] = variables,
        };
    }

    private static JsonObject Pipeline(PipelineDeclaration declaration) => new()
    {
        ["name"] = declaration.Name,
        ["roleArn"] = declaration.RoleArn,
        ["artifactStore"] = new JsonObject { ["type"] = declaration.ArtifactStore.Type, ["location"] = declaration.ArtifactStore.Location },
        ["pipelineType"] = declaration.PipelineType,
        ["executionMode"] = declaration.ExecutionMode,
        ["stages"] = new JsonArray([.. declaration.Stages.Select(stage => (JsonNode)new JsonObject
        {
            ["name"] = stage.Name,
            ["actions"] = new JsonArray([.. stage.Actions.Select(Action)]),
        })]),
    };

    private static JsonNode Action(PipelineAction action)
    {
        var configuration = new JsonObject();
        foreach (var (key, value) in action.Configuration.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            configuration[key] = value;
        }

        return new JsonObject
        {
            ["name"] = action.Name,
            ["category"] = action.Category,
            ["owner"] = action.Owner,
            ["provider"] = action.Provider,
            ["version"] = action.Version,
            ["runOrder"] = action.RunOrder ?? 1,
            ["roleArn"] = action.RoleArn,
            ["inputArtifacts"] = new JsonArray([.. action.InputArtifacts.Select(a => (JsonNode)JsonValue.Create(a))]),
            ["outputArtifacts"] = new JsonArray([.. action.OutputArtifacts.Select(a => (JsonNode)JsonValue.Create(a))]),
            ["configuration"] = configuration,
        };
    }

    private static JsonObject Rule(RuleSpec rule) => new()
    {
        ["name"] = rule.Name,
        ["description"] = rule.Description,
        ["state"] = "ENABLED",
        ["eventPattern"] = Differences.Document(rule.EventPattern),
        ["target"] = new JsonObject { ["id"] = rule.Target.Id, ["arn"] = rule.Target.Arn, ["roleArn"] = rule.Target.RoleArn },
    };
}
