using System.Text.Json.Nodes;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Policies;
using Pipectl.Core.Resources;
using Pipectl.Core.Sources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Targets;

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
    private const string AccessControlSuffix = "AccessControl";
    private const string IndexFunctionSuffix = "IndexFunction";

    /// <summary>
    /// The template of the stacks <paramref name="specs"/> (one per environment, built with tokens). With
    /// <paramref name="retain"/> every resource has DeletionPolicy and UpdateReplacePolicy Retain, which a resource
    /// import needs (and which keeps the resources when the CloudFormation stack is deleted).
    /// </summary>
    public static JsonObject Build(IReadOnlyList<EnvironmentStackSpec> specs, IReadOnlyList<TemplateParameter> parameters, string description, bool retain = false)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(parameters);
        var byEnvironment = specs.ToDictionary(s => s.Environment ?? string.Empty, s => s.Spec, StringComparer.Ordinal);
        var entries = StackGraph.For(specs).Entries.Where(e => e.Wanted && !e.UseExisting).Select(e => WithTemplateDeployRole(e, byEnvironment)).ToList();
        var ids = entries.ToDictionary(e => e.Key, e => LogicalId(e.Key), StringComparer.Ordinal);
        if (ids.GroupBy(i => i.Value, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            // Environments "a-1" and "a1" both give A1...: CloudFormation would see one resource.
            throw new LogicalIdClashException($"{string.Join(" and ", clash.Select(c => c.Key))} get the same CloudFormation logical ID {clash.Key}: rename one of the environments.");
        }

        var resources = new JsonObject();
        foreach (var entry in entries)
        {
            var dependsOn = entry.DependsOn.Where(ids.ContainsKey).Select(k => ids[k]).ToList();
            var attributes = Attributes(entry, ids);
            foreach (var (id, produced) in Resources(ids[entry.Key], entry))
            {
                var resource = (JsonObject)WithAttributes(produced, attributes);

                // A resource that reads another's attribute already waits for it: CloudFormation (and cfn-lint) want no DependsOn then.
                // DependsOn is a set to CloudFormation: listed in logical-ID order, so the template does not change with the order parts add entries in.
                var text = resource.ToJsonString();
                var waits = dependsOn.Where(d => !text.Contains("${" + d + ".", StringComparison.Ordinal) && !text.Contains($"\"Fn::GetAtt\":[\"{d}\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                if (waits.Count > 0 && !resource.ContainsKey("DependsOn"))
                {
                    resource["DependsOn"] = Strings(waits);
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
            var node = new JsonObject { ["Type"] = "String" };
            if (parameter.Default is not null)
            {
                node["Default"] = parameter.Default;
            }

            node["Description"] = parameter.Description;
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
        ResourceEntry<DistributionSpec, DistributionState> e => Distribution(id, e.Desired),
        ResourceEntry<ConnectionSpec, ConnectionState> e => [(id, Connection(e.Desired))],
        ResourceEntry<EcrRepositorySpec, EcrRepositoryState> e => [(id, EcrRepository(e.Desired))],
        _ => throw new NotSupportedException($"No CloudFormation type for the resource {entry.Key} ({entry.GetType().Name}): add it to {nameof(CloudFormationTemplate)}."),
    };

    /// <summary>
    /// An ECS stack's deploy role as the template declares it: the roles it may pass and the task definition family
    /// it may tag come from the service, which only the deploying account can read, so they are parameters.
    /// </summary>
    /// <summary>The deploy role as the deploy target writes it in a template (ECS: from the template's parameters), or the entry as it is.</summary>
    private static ResourceEntry WithTemplateDeployRole(ResourceEntry entry, IReadOnlyDictionary<string, StackSpec> specs) =>
        entry is ResourceEntry<RoleSpec, RoleState> role && Unscoped(entry.Key) == ResourceKeys.DeployRole
            && specs.TryGetValue(entry.Environment ?? string.Empty, out var spec) && StackTargets.DeployOf(spec).TemplateDeployRole(spec) is { } templateRole
            ? role with { Desired = RoleSpec.From(templateRole, role.Desired.Tags) }
            : entry;

    private static string Unscoped(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>
    /// What AWS assigns when it creates a resource, as bootstrap's specs stand it in, and the attribute of the
    /// template's resource that gives it: the distribution's id (in the site bucket's policy, the invalidation role
    /// and project) and the connection's ARN (in the pipeline and its role).
    /// </summary>
    private static List<(string StandIn, string Attribute)> Attributes(ResourceEntry entry, IReadOnlyDictionary<string, string> ids)
    {
        var attributes = new List<(string, string)>();
        var scope = entry.Environment is { } environment ? environment + "/" : string.Empty;
        if (ids.TryGetValue(scope + ResourceKeys.Distribution, out var distribution))
        {
            attributes.Add((CloudFrontSite.NewDistributionId, TemplateTokens.Attribute(distribution, "Id")));
        }

        if (ids.TryGetValue(scope + ResourceKeys.Connection, out var connection) || ids.TryGetValue(ResourceKeys.Connection, out connection))
        {
            var pending = ConnectionArns.Pending("aws", TemplateTokens.Region, TemplateTokens.AccountId);
            attributes.Add((((JsonObject)TemplateTokens.Render(pending))["Fn::Sub"]!.GetValue<string>(), TemplateTokens.Attribute(connection, "ConnectionArn")));
        }

        return attributes;
    }

    /// <summary><paramref name="node"/> with every stand-in of <paramref name="attributes"/> replaced by its resource's attribute.</summary>
    private static JsonNode WithAttributes(JsonNode node, IReadOnlyList<(string StandIn, string Attribute)> attributes)
    {
        if (attributes.Count == 0)
        {
            return node;
        }

        switch (node)
        {
            case JsonObject { Count: 1 } sub when sub["Fn::Sub"] is JsonValue text:
                var substituted = attributes.Aggregate(text.GetValue<string>(), (t, a) => t.Replace(a.StandIn, "${" + a.Attribute.Trim('@') + "}", StringComparison.Ordinal));
                return new JsonObject { ["Fn::Sub"] = substituted };
            case JsonObject o:
                return new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)WithAttributes(p.Value, attributes))));
            case JsonArray a:
                return new JsonArray(a.Select(i => i is null ? null : (JsonNode?)WithAttributes(i, attributes)).ToArray());
            case JsonValue v when v.TryGetValue<string>(out var plain) && attributes.Any(a => plain.Contains(a.StandIn, StringComparison.Ordinal)):
                return TemplateTokens.Render(attributes.Aggregate(plain, (t, a) => t.Replace(a.StandIn, a.Attribute, StringComparison.Ordinal)));
            default:
                return node.DeepClone();
        }
    }

    private static IEnumerable<(string, JsonObject)> Distribution(string id, DistributionSpec spec)
    {
        // As DistributionDriver creates them: the origin access control and the published viewer-request index
        // function first, then the distribution reading through the one and running the other.
        var accessControl = id + AccessControlSuffix;
        var indexFunction = id + IndexFunctionSuffix;
        yield return (accessControl, Resource("AWS::CloudFront::OriginAccessControl", new JsonObject
        {
            ["OriginAccessControlConfig"] = new JsonObject
            {
                ["Name"] = TemplateTokens.Render(spec.Name),
                ["Description"] = TemplateTokens.Render($"pipectl: CloudFront reads s3://{spec.Name}"),
                ["OriginAccessControlOriginType"] = "s3",
                ["SigningBehavior"] = "always",
                ["SigningProtocol"] = "sigv4",
            },
        }));
        yield return (indexFunction, Resource("AWS::CloudFront::Function", new JsonObject
        {
            ["Name"] = TemplateTokens.Render(spec.FunctionName),
            ["AutoPublish"] = true,
            ["FunctionCode"] = DistributionSpec.IndexFunctionCode,
            ["FunctionConfig"] = new JsonObject
            {
                ["Comment"] = TemplateTokens.Render(spec.FunctionComment),
                ["Runtime"] = DistributionSpec.FunctionRuntime,
            },
            ["Tags"] = Tags(spec.Tags),
        }));
        const string OriginId = "site-bucket";
        yield return (id, Resource("AWS::CloudFront::Distribution", new JsonObject
        {
            ["DistributionConfig"] = new JsonObject
            {
                ["Comment"] = TemplateTokens.Render(spec.Comment),
                ["DefaultRootObject"] = DistributionSpec.DefaultRootObject,
                ["Enabled"] = true,
                ["Origins"] = new JsonArray(new JsonObject
                {
                    ["Id"] = OriginId,
                    ["DomainName"] = TemplateTokens.Render(WithUrlSuffix(spec.OriginDomain)),
                    ["S3OriginConfig"] = new JsonObject { ["OriginAccessIdentity"] = string.Empty },
                    ["OriginAccessControlId"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(accessControl, "Id") },
                }),
                ["DefaultCacheBehavior"] = new JsonObject
                {
                    ["TargetOriginId"] = OriginId,
                    ["ViewerProtocolPolicy"] = DistributionSpec.ViewerProtocolPolicy,
                    ["Compress"] = true,
                    ["CachePolicyId"] = DistributionSpec.CachingOptimizedPolicyId,
                    ["FunctionAssociations"] = new JsonArray(new JsonObject
                    {
                        ["EventType"] = DistributionSpec.FunctionEventType,
                        ["FunctionARN"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(indexFunction, "FunctionARN") },
                    }),
                },
                ["CustomErrorResponses"] = new JsonArray(DistributionSpec.ErrorCodes.Select(code => (JsonNode?)new JsonObject
                {
                    ["ErrorCode"] = code,
                    ["ResponsePagePath"] = DistributionSpec.ErrorPagePath,
                    ["ResponseCode"] = 404,
                }).ToArray()),
            },
            ["Tags"] = Tags(spec.Tags),
        }));
    }

    // The connection stays PENDING until someone with access to the provider account finishes the handshake in the console.
    private static JsonObject Connection(ConnectionSpec spec) => Resource("AWS::CodeStarConnections::Connection", new JsonObject
    {
        ["ConnectionName"] = TemplateTokens.Render(spec.Name),
        ["ProviderType"] = spec.ProviderType,
        ["Tags"] = Tags(spec.Tags),
    });

    private static JsonObject EcrRepository(EcrRepositorySpec spec) => Resource("AWS::ECR::Repository", new JsonObject
    {
        ["RepositoryName"] = TemplateTokens.Render(spec.Name),
        ["ImageScanningConfiguration"] = new JsonObject { ["ScanOnPush"] = spec.ScanOnPush },
        ["LifecyclePolicy"] = new JsonObject { ["LifecyclePolicyText"] = spec.LifecyclePolicy },
        ["Tags"] = Tags(spec.Tags),
    });

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
                .Select(v => (JsonNode?)new JsonObject { ["Name"] = v.Key, ["Type"] = v.Value.Type, ["Value"] = VariableValue(v.Key, v.Value.Value) })
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

    /// <summary>
    /// A build variable's value: the user's own text is never rewritten; the variables pipectl sets itself (the ECS
    /// deploy's registry URI, account and region, the CloudFront site's distribution id) depend on where the
    /// template is deployed.
    /// </summary>
    private static JsonNode VariableValue(string name, string value) =>
        EcsDeploy.Variables.Contains(name, StringComparer.Ordinal) || name == CloudFrontSite.DistributionIdVariable
            ? TemplateTokens.Render(WithUrlSuffix(value))
            : JsonValue.Create(value);

    /// <summary>A host name pipectl spelled with the region's DNS suffix, with the deployment's instead.</summary>
    private static string WithUrlSuffix(string host) => host.Replace(".amazonaws.com", $".{TemplateTokens.UrlSuffix}", StringComparison.Ordinal);

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
