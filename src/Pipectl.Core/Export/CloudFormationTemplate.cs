using System.Text.Json.Nodes;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Export;

/// <summary>
/// The CloudFormation template of a stack, built from the entries of its resource graph (<see cref="StackGraph"/>),
/// so it declares exactly what bootstrap creates: the same names, settings, policies, tags, pipeline, trigger
/// and approval topic. The specs it takes are built with <see cref="TemplateTokens"/> in place of the stack
/// name, account, region and branches, which come out as <c>Fn::Sub</c> of pseudo-parameters and parameters.
/// An entry's DependsOn becomes the resource's DependsOn, so CloudFormation creates in bootstrap's order.
/// </summary>
public static class CloudFormationTemplate
{
    public const string FormatVersion = "2010-09-09";

    private const string BucketPolicySuffix = "Policy";
    private const string SubscriptionSuffix = "Subscription";

    /// <summary>
    /// The template of the stacks <paramref name="specs"/> (one per environment, built with tokens). With
    /// <paramref name="retain"/> every resource has DeletionPolicy and UpdateReplacePolicy Retain, which a resource
    /// import needs (and which keeps the resources when the CloudFormation stack is deleted).
    /// </summary>
    public static JsonObject Build(IReadOnlyList<EnvironmentStackSpec> specs, IReadOnlyList<TemplateParameter> parameters, string description, bool retain = false)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(parameters);
        var entries = StackGraph.For(specs).Entries.Where(e => e.Wanted && !e.UseExisting).ToList();
        var ids = entries.ToDictionary(e => e.Key, e => LogicalId(e.Key), StringComparer.Ordinal);
        if (ids.GroupBy(i => i.Value, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            // Environments "a-1" and "a1" both give A1...: CloudFormation would see one resource.
            throw new ArgumentException($"{string.Join(" and ", clash.Select(c => c.Key))} get the same CloudFormation logical ID {clash.Key}: rename one of the environments.", nameof(specs));
        }

        var resources = new JsonObject();
        foreach (var entry in entries)
        {
            var dependsOn = entry.DependsOn.Where(ids.ContainsKey).Select(k => ids[k]).ToList();
            foreach (var (id, resource) in Resources(ids[entry.Key], entry))
            {
                if (dependsOn.Count > 0 && !resource.ContainsKey("DependsOn"))
                {
                    resource["DependsOn"] = Strings(dependsOn);
                }

                if (retain)
                {
                    resource["DeletionPolicy"] = "Retain";
                    resource["UpdateReplacePolicy"] = "Retain";
                }

                resources[id] = resource;
            }
        }

        var parameterNodes = new JsonObject();
        foreach (var parameter in parameters)
        {
            var node = new JsonObject { ["Type"] = "String", ["Default"] = parameter.Default, ["Description"] = parameter.Description };
            if (parameter.AllowedPattern is not null)
            {
                node["AllowedPattern"] = parameter.AllowedPattern;
            }

            parameterNodes[parameter.Name] = node;
        }

        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = FormatVersion,
            ["Description"] = description,
            ["Parameters"] = parameterNodes,
            ["Resources"] = resources,
        };
    }

    /// <summary>The logical ID of a graph key: <c>staging/artifact-bucket</c> is <c>StagingArtifactBucket</c>.</summary>
    public static string LogicalId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(['/', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => new string(p.Where(char.IsAsciiLetterOrDigit).ToArray())).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static IEnumerable<(string Id, JsonObject Resource)> Resources(string id, ResourceEntry entry) => entry switch
    {
        ResourceEntry<RepositorySpec, RepositoryState> e => [(id, Repository(e.Desired))],
        ResourceEntry<BucketSpec, BucketState> e => Bucket(id, e.Desired),
        ResourceEntry<RoleSpec, RoleState> e => [(id, Role(e.Desired))],
        ResourceEntry<BuildProjectSpec, BuildProjectState> e => [(id, BuildProject(e.Desired))],
        ResourceEntry<TopicSpec, TopicState> e => Topic(id, e.Desired),
        ResourceEntry<PipelineSpec, PipelineState> e => [(id, PipelineTemplate.Resource(e.Desired))],
        ResourceEntry<RuleSpec, RuleState> e => [(id, Rule(e.Desired))],
        ResourceEntry<ReportGroupSpec, ReportGroupState> e => [(id, ReportGroup(e.Desired))],
        _ => throw new NotSupportedException($"No CloudFormation type for the resource {entry.Key} ({entry.GetType().Name}): add it to {nameof(CloudFormationTemplate)}."),
    };

    private static JsonObject Repository(RepositorySpec spec)
    {
        var properties = new JsonObject { ["RepositoryName"] = TemplateTokens.Render(spec.Name) };
        if (!string.IsNullOrEmpty(spec.Description))
        {
            properties["RepositoryDescription"] = TemplateTokens.Render(spec.Description);
        }

        properties["Tags"] = Tags(spec.Tags);
        return Resource("AWS::CodeCommit::Repository", properties);
    }

    private static IEnumerable<(string, JsonObject)> Bucket(string id, BucketSpec spec)
    {
        var properties = new JsonObject
        {
            ["BucketName"] = TemplateTokens.Render(spec.Name),
            ["OwnershipControls"] = new JsonObject { ["Rules"] = new JsonArray(new JsonObject { ["ObjectOwnership"] = "BucketOwnerEnforced" }) },
            ["PublicAccessBlockConfiguration"] = new JsonObject
            {
                ["BlockPublicAcls"] = spec.PublicAccessBlock.BlockPublicAcls,
                ["IgnorePublicAcls"] = spec.PublicAccessBlock.IgnorePublicAcls,
                ["BlockPublicPolicy"] = spec.PublicAccessBlock.BlockPublicPolicy,
                ["RestrictPublicBuckets"] = spec.PublicAccessBlock.RestrictPublicBuckets,
            },
        };
        if (spec.Versioning)
        {
            properties["VersioningConfiguration"] = new JsonObject { ["Status"] = "Enabled" };
        }

        if (spec.DefaultEncryption)
        {
            properties["BucketEncryption"] = new JsonObject
            {
                ["ServerSideEncryptionConfiguration"] = new JsonArray(new JsonObject { ["ServerSideEncryptionByDefault"] = new JsonObject { ["SSEAlgorithm"] = "AES256" } }),
            };
        }

        if (spec.Website is { } website)
        {
            var configuration = new JsonObject { ["IndexDocument"] = website.IndexDocument };
            if (website.ErrorDocument is not null)
            {
                configuration["ErrorDocument"] = website.ErrorDocument;
            }

            properties["WebsiteConfiguration"] = configuration;
        }

        properties["Tags"] = Tags(spec.Tags);
        yield return (id, Resource("AWS::S3::Bucket", properties));
        if (spec.Policy is not null)
        {
            // The policy goes on once the bucket (and its Block Public Access settings) exist, as bootstrap puts it.
            var policy = Resource("AWS::S3::BucketPolicy", new JsonObject { ["Bucket"] = TemplateTokens.Render(spec.Name), ["PolicyDocument"] = TemplateTokens.RenderDocument(spec.Policy) });
            policy["DependsOn"] = Strings([id]);
            yield return (id + BucketPolicySuffix, policy);
        }
    }

    private static JsonObject Role(RoleSpec spec)
    {
        var policies = new JsonArray();
        foreach (var (name, document) in spec.InlinePolicies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            policies.Add((JsonNode)new JsonObject { ["PolicyName"] = name, ["PolicyDocument"] = TemplateTokens.RenderDocument(document) });
        }

        return Resource("AWS::IAM::Role", new JsonObject
        {
            ["RoleName"] = TemplateTokens.Render(spec.Name),
            ["Description"] = TemplateTokens.Render(spec.Description),
            ["AssumeRolePolicyDocument"] = TemplateTokens.RenderDocument(spec.TrustPolicy),
            ["Policies"] = policies,
            ["Tags"] = Tags(spec.Tags),
        });
    }

    private static JsonObject BuildProject(BuildProjectSpec spec)
    {
        // As BuildProjectDriver sends it: a CODEPIPELINE source has no location, and the buildspec is inline or the repository's.
        var source = new JsonObject { ["Type"] = spec.SourceType };
        if (spec.SourceType != BuildSourceTypes.CodePipeline && spec.SourceLocation is not null)
        {
            source["Location"] = TemplateTokens.Render(spec.SourceLocation.Replace(".amazonaws.com/", $".{TemplateTokens.UrlSuffix}/", StringComparison.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(spec.Buildspec))
        {
            // The user's own text: never rewritten.
            source["BuildSpec"] = spec.Buildspec;
        }

        var environment = new JsonObject
        {
            ["Type"] = spec.EnvironmentType,
            ["Image"] = spec.Image,
            ["ComputeType"] = spec.ComputeType,
            ["PrivilegedMode"] = spec.Privileged,
        };
        if (spec.EnvironmentVariables.Count > 0)
        {
            environment["EnvironmentVariables"] = new JsonArray(spec.EnvironmentVariables
                .OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => (JsonNode?)new JsonObject { ["Name"] = v.Key, ["Type"] = v.Value.Type, ["Value"] = v.Value.Value })
                .ToArray());
        }

        return Resource("AWS::CodeBuild::Project", new JsonObject
        {
            ["Name"] = TemplateTokens.Render(spec.Name),
            ["Description"] = TemplateTokens.Render(spec.Description),
            ["Source"] = source,
            ["Artifacts"] = new JsonObject { ["Type"] = spec.ArtifactsType },
            ["Environment"] = environment,
            ["ServiceRole"] = TemplateTokens.Render(spec.ServiceRoleArn),
            ["LogsConfig"] = new JsonObject
            {
                ["CloudWatchLogs"] = new JsonObject { ["Status"] = "ENABLED", ["GroupName"] = TemplateTokens.Render(spec.LogGroupName) },
            },
            ["Tags"] = Tags(spec.Tags),
        });
    }

    // DeleteReports: deleting the stack deletes the group's reports with it, as teardown does (DeleteReportGroup deleteReports=true).
    private static JsonObject ReportGroup(ReportGroupSpec spec) => Resource("AWS::CodeBuild::ReportGroup", new JsonObject
    {
        ["Name"] = TemplateTokens.Render(spec.Name),
        ["Type"] = spec.Type,
        ["ExportConfig"] = new JsonObject { ["ExportConfigType"] = ReportGroupSpec.NoExport },
        ["DeleteReports"] = true,
        ["Tags"] = Tags(spec.Tags),
    });

    private static IEnumerable<(string, JsonObject)> Topic(string id, TopicSpec spec)
    {
        yield return (id, Resource("AWS::SNS::Topic", new JsonObject { ["TopicName"] = TemplateTokens.Render(spec.Name), ["Tags"] = Tags(spec.Tags) }));
        if (!string.IsNullOrEmpty(spec.Email))
        {
            var subscription = Resource("AWS::SNS::Subscription", new JsonObject
            {
                ["TopicArn"] = new JsonObject { ["Ref"] = id },
                ["Protocol"] = "email",
                ["Endpoint"] = spec.Email,
            });
            yield return (id + SubscriptionSuffix, subscription);
        }
    }

    private static JsonObject Rule(RuleSpec spec)
    {
        var target = new JsonObject { ["Id"] = spec.Target.Id, ["Arn"] = TemplateTokens.Render(spec.Target.Arn) };
        if (spec.Target.RoleArn is not null)
        {
            target["RoleArn"] = TemplateTokens.Render(spec.Target.RoleArn);
        }

        return Resource("AWS::Events::Rule", new JsonObject
        {
            ["Name"] = TemplateTokens.Render(spec.Name),
            ["Description"] = TemplateTokens.Render(spec.Description),
            ["EventPattern"] = TemplateTokens.RenderDocument(spec.EventPattern),
            ["State"] = "ENABLED",
            ["Targets"] = new JsonArray(target),
            ["Tags"] = Tags(spec.Tags),
        });
    }

    /// <summary>A resource of <paramref name="type"/> with <paramref name="properties"/>.</summary>
    internal static JsonObject Resource(string type, JsonObject properties) => new() { ["Type"] = type, ["Properties"] = properties };

    /// <summary>Tags as CloudFormation lists them: <c>[{Key, Value}]</c>, sorted by key.</summary>
    internal static JsonArray Tags(IReadOnlyDictionary<string, string> tags) => new(tags
        .OrderBy(t => t.Key, StringComparer.Ordinal)
        .Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = TemplateTokens.Render(t.Value) })
        .ToArray());

    internal static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
