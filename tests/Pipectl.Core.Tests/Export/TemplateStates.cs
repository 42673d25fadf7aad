using System.Text.Json.Nodes;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Export;

/// <summary>
/// The resources of a resolved template (<see cref="TemplateResolution"/>) as the states pipectl's drivers read
/// from AWS, keyed by logical ID, so the project's own comparisons (a spec's DifferencesFrom, the policy and
/// pipeline comparers) can hold them against what bootstrap wants or made.
/// </summary>
public static class TemplateStates
{
    public static IReadOnlyDictionary<string, object> From(JsonObject resolved)
    {
        var resources = resolved["Resources"]!.AsObject();
        var states = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (id, resource) in resources)
        {
            var p = resource!["Properties"]!.AsObject();
            object? state = (string?)resource["Type"] switch
            {
                "AWS::CodeCommit::Repository" => new RepositoryState(S(p, "RepositoryName")!, $"template:{id}", S(p, "RepositoryDescription"), null, null, Tags(p)),
                "AWS::S3::Bucket" => Bucket(p, resources),
                "AWS::IAM::Role" => new RoleState(
                    S(p, "RoleName")!,
                    $"template:{id}",
                    p["AssumeRolePolicyDocument"]!.ToJsonString(),
                    p["Policies"]!.AsArray().ToDictionary(i => (string)i!["PolicyName"]!, i => i!["PolicyDocument"]!.ToJsonString(), StringComparer.Ordinal),
                    Tags(p)),
                "AWS::CodeBuild::Project" => BuildProject(p),
                "AWS::CodeBuild::ReportGroup" => new ReportGroupState(
                    S(p, "Name")!,
                    $"template:{id}",
                    S(p, "Type")!,
                    S(p["ExportConfig"]!, "ExportConfigType"),
                    Tags(p)),
                "AWS::CodePipeline::Pipeline" => new PipelineState($"template:{id}", Declaration(p), Tags(p)),
                "AWS::CloudFront::Distribution" => Distribution(id, p, resources),
                "AWS::CodeStarConnections::Connection" => new ConnectionState(S(p, "ConnectionName")!, $"template:{id}", S(p, "ProviderType")!, "PENDING", Tags(p)),
                "AWS::ECR::Repository" => new EcrRepositoryState(
                    S(p, "RepositoryName")!,
                    $"template:{id}",
                    $"template:{id}",
                    p["ImageScanningConfiguration"]?["ScanOnPush"] is { } scan && (bool)scan,
                    S(p["LifecyclePolicy"], "LifecyclePolicyText"),
                    Tags(p)),
                "AWS::Events::Rule" => new RuleState(
                    S(p, "Name")!,
                    $"template:{id}",
                    p["EventPattern"]!.ToJsonString(),
                    S(p, "State") == "ENABLED",
                    p["Targets"]!.AsArray().Select(t => new RuleTarget(S(t!, "Id")!, S(t!, "Arn")!, S(t!, "RoleArn"))).ToList(),
                    Tags(p)),
                "AWS::SNS::Topic" => new TopicState(
                    S(p, "TopicName")!,
                    $"ref:{id}",
                    resources.Where(r => (string?)r.Value!["Type"] == "AWS::SNS::Subscription" && S(r.Value!["Properties"]!, "TopicArn") == $"ref:{id}")
                        .Select(r => S(r.Value!["Properties"]!, "Endpoint")!).ToList(),
                    Tags(p)),
                _ => null,
            };
            if (state is not null)
            {
                states[id] = state;
            }
        }

        return states;
    }

    /// <summary>The pipeline declaration of an <c>AWS::CodePipeline::Pipeline</c>'s resolved properties.</summary>
    public static PipelineDeclaration Declaration(JsonObject p) => new()
    {
        Name = S(p, "Name")!,
        RoleArn = S(p, "RoleArn")!,
        ArtifactStore = new PipelineArtifactStore(S(p["ArtifactStore"]!, "Type")!, S(p["ArtifactStore"]!, "Location")!),
        PipelineType = S(p, "PipelineType"),
        ExecutionMode = S(p, "ExecutionMode"),
        Stages = p["Stages"]!.AsArray().Select(s => new PipelineStage(S(s!, "Name")!, s!["Actions"]!.AsArray().Select(a => new PipelineAction
        {
            Name = S(a!, "Name")!,
            Category = S(a!["ActionTypeId"]!, "Category")!,
            Owner = S(a!["ActionTypeId"]!, "Owner")!,
            Provider = S(a!["ActionTypeId"]!, "Provider")!,
            Version = S(a!["ActionTypeId"]!, "Version")!,
            RunOrder = a!["RunOrder"] is { } order ? (int)order : null,
            Configuration = a["Configuration"]?.AsObject().ToDictionary(c => c.Key, c => (string)c.Value!, StringComparer.Ordinal) ?? new Dictionary<string, string>(),
            InputArtifacts = a["InputArtifacts"]?.AsArray().Select(i => S(i!, "Name")!).ToList() ?? [],
            OutputArtifacts = a["OutputArtifacts"]?.AsArray().Select(i => S(i!, "Name")!).ToList() ?? [],
            RoleArn = S(a, "RoleArn"),
        }).ToList())).ToList(),
        Triggers = p["Triggers"]?.AsArray().Select(t => new PipelineTrigger(
            S(t!["GitConfiguration"], "SourceActionName")!,
            t["GitConfiguration"]!["Push"]![0]!["Branches"]!["Includes"]!.AsArray().Select(b => (string)b!).ToList(),
            t["GitConfiguration"]!["Push"]![0]!["FilePaths"]?["Includes"]?.AsArray().Select(f => (string)f!).ToList() ?? [])).ToList() ?? [],
    };

    /// <summary>
    /// A distribution as CloudFront would read it back, its origin access control named by the resource it references
    /// and its viewer-request function by the <c>AWS::CloudFront::Function</c> it references (that function's code is
    /// what runs only when the template publishes it: AutoPublish).
    /// </summary>
    private static DistributionState Distribution(string id, JsonObject p, JsonObject resources)
    {
        var config = p["DistributionConfig"]!;
        var origin = config["Origins"]![0]!;
        var accessControl = S(origin, "OriginAccessControlId") is { } reference && reference.StartsWith("getatt:", StringComparison.Ordinal)
            ? S(resources[reference["getatt:".Length..].Split('.')[0]]!["Properties"]!["OriginAccessControlConfig"], "Name")
            : null;
        var behavior = config["DefaultCacheBehavior"]!;
        var function = AssociatedFunction(behavior, DistributionSpec.FunctionEventType, resources);
        return new DistributionState(
            $"template:{id}",
            $"template:{id}",
            "template",
            "Deployed",
            config["Enabled"] is { } enabled && (bool)enabled,
            S(origin, "DomainName")!,
            accessControl,
            S(behavior, "ViewerProtocolPolicy")!,
            S(config, "DefaultRootObject")!,
            S(behavior, "CachePolicyId"),
            config["CustomErrorResponses"]?.AsArray().Select(e => DistributionSpec.ErrorResponse((int)e!["ErrorCode"]!, S(e, "ResponsePagePath"), ((int)e["ResponseCode"]!).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList() ?? [],
            Tags(p))
        {
            ViewerRequestFunction = S(function, "Name"),
            ViewerRequestFunctionCode = function?["AutoPublish"] is { } published && (bool)published ? S(function, "FunctionCode") : null,
        };
    }

    /// <summary>The properties of the template function a behaviour's <paramref name="eventType"/> association references, or null.</summary>
    private static JsonNode? AssociatedFunction(JsonNode behavior, string eventType, JsonObject resources) =>
        behavior["FunctionAssociations"]?.AsArray().FirstOrDefault(a => S(a!, "EventType") == eventType) is { } association
            && S(association, "FunctionARN") is { } arn && arn.StartsWith("getatt:", StringComparison.Ordinal)
            && resources[arn["getatt:".Length..].Split('.')[0]] is { } function && (string?)function["Type"] == "AWS::CloudFront::Function"
            ? function["Properties"]
            : null;

    private static BucketState Bucket(JsonObject p, JsonObject resources)
    {
        var name = S(p, "BucketName")!;
        var block = p["PublicAccessBlockConfiguration"];
        var website = p["WebsiteConfiguration"];
        var policy = resources.Select(r => r.Value!).FirstOrDefault(r => (string?)r["Type"] == "AWS::S3::BucketPolicy" && S(r["Properties"]!, "Bucket") == name);
        return new BucketState(
            name,
            $"arn:aws:s3:::{name}",
            S(p["VersioningConfiguration"], "Status") == "Enabled",
            p["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?.AsArray().Count > 0,
            block is null ? PublicAccessBlock.None : new PublicAccessBlock((bool)block["BlockPublicAcls"]!, (bool)block["IgnorePublicAcls"]!, (bool)block["BlockPublicPolicy"]!, (bool)block["RestrictPublicBuckets"]!),
            policy?["Properties"]!["PolicyDocument"]!.ToJsonString(),
            website is null ? null : new WebsiteSettings(S(website, "IndexDocument")!, S(website, "ErrorDocument")),
            Tags(p));
    }

    private static BuildProjectState BuildProject(JsonObject p)
    {
        var environment = p["Environment"]!;
        return new BuildProjectState(
            S(p, "Name")!,
            "template",
            S(p["Source"], "Type")!,
            S(p["Source"], "Location"),
            S(p["Source"], "BuildSpec"),
            S(environment, "Image")!,
            S(environment, "ComputeType")!,
            S(p, "ServiceRole")!,
            S(p["LogsConfig"]?["CloudWatchLogs"], "GroupName"),
            Tags(p))
        {
            ArtifactsType = S(p["Artifacts"], "Type"),
            EnvironmentType = S(environment, "Type"),
            Privileged = environment["PrivilegedMode"] is { } privileged && (bool)privileged,
            EnvironmentVariables = environment["EnvironmentVariables"]?.AsArray()
                .ToDictionary(v => S(v!, "Name")!, v => new BuildVariable(S(v!, "Value")!, S(v!, "Type") ?? BuildVariableTypes.PlainText), StringComparer.Ordinal)
                ?? new Dictionary<string, BuildVariable>(),
        };
    }

    private static Dictionary<string, string> Tags(JsonObject p) =>
        p["Tags"]?.AsArray().ToDictionary(t => S(t!, "Key")!, t => S(t!, "Value")!, StringComparer.Ordinal) ?? [];

    private static string? S(JsonNode? node, string key) => node?[key] is JsonValue value ? (string?)value : null;
}
