using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Runtime;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// Counts a stack's resources by listing them straight from moto (never through the proxy): how many
/// pipelines, projects, rules, rule targets, topics, subscriptions, roles, buckets and repositories of the
/// stack's names exist. "Exactly one of each" and "nothing left" are read from here.
/// </summary>
public sealed record StackInventory(
    int Repositories,
    int Buckets,
    int Roles,
    int Projects,
    int Pipelines,
    int Rules,
    int RuleTargets,
    int Topics,
    int Subscriptions)
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";

    /// <summary>One of each (two buckets, four roles); with an approval email, one topic and one subscription.</summary>
    public static StackInventory Complete(bool withTopic) => new(1, 2, 4, 1, 1, 1, 1, withTopic ? 1 : 0, withTopic ? 1 : 0);

    public static StackInventory Nothing { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static async Task<StackInventory> ReadAsync(MotoServer moto, string stack)
    {
        var credentials = new BasicAWSCredentials("testing", "testing");
        using var session = TestSessions.For(moto);
        using var pipelines = new InventoryJsonClient<CodePipelineFacts>(credentials, Config<CodePipelineFacts>(moto), CodePipelineFacts.TargetPrefix);
        using var projects = new InventoryJsonClient<CodeBuildFacts>(credentials, Config<CodeBuildFacts>(moto), CodeBuildFacts.TargetPrefix);
        using var events = new InventoryJsonClient<EventBridgeFacts>(credentials, Config<EventBridgeFacts>(moto), EventBridgeFacts.TargetPrefix);
        using var iam = new InventoryQueryClient<IamFacts>(credentials, Config<IamFacts>(moto));
        using var sns = new InventoryQueryClient<SnsFacts>(credentials, Config<SnsFacts>(moto));

        var repositories = 0;
        try
        {
            await session.CodeCommit.GetRepositoryAsync(stack);
            repositories = 1;
        }
        catch (AwsResourceNotFoundException)
        {
        }

        var buckets = ((await session.S3.ListBucketsAsync()).Buckets ?? [])
            .Count(b => b.BucketName is { } n && (n == $"{stack}-artifacts-{Account}-{Region}" || n == $"{stack}-site-{Account}-{Region}"));

        var roleNames = new List<string>();
        string? marker = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await iam.CallAsync("ListRoles", new QueryParameters().Add("Marker", marker));
            roleNames.AddRange(result.Child("Roles").Members().Select(m => m.ChildText("RoleName") ?? string.Empty));
            marker = result.ChildText("IsTruncated") == "true" ? result.ChildText("Marker") : null;
            if (marker is null)
            {
                break;
            }
        }

        string[] roleSuffixes = ["-codebuild-role", "-codepipeline-role", "-deploy-role", "-events-role"];
        var roles = roleNames.Count(n => roleSuffixes.Any(s => n == stack + s));

        var projectNames = await AllAsync(projects, "ListProjects", "projects", "nextToken", "nextToken");
        var pipelineNames = (await AllAsync(pipelines, "ListPipelines", "pipelines", "nextToken", "nextToken", e => e.GetProperty("name").GetString()));
        var ruleNames = await AllAsync(events, "ListRules", "Rules", "NextToken", "NextToken", e => e.GetProperty("Name").GetString(), $"\"NamePrefix\":\"{stack}-trigger\"");
        var rules = ruleNames.Count(n => n == $"{stack}-trigger");
        var targets = rules == 0 ? 0 : (await session.EventBridge.ListAllTargetsByRuleAsync($"{stack}-trigger")).Count;

        var topicArn = $"arn:aws:sns:{Region}:{Account}:{stack}-approvals";
        var topicArns = new List<string>();
        string? next = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await sns.CallAsync("ListTopics", new QueryParameters().Add("NextToken", next));
            topicArns.AddRange(result.Child("Topics").Members().Select(m => m.ChildText("TopicArn") ?? string.Empty));
            next = result.ChildText("NextToken") is { Length: > 0 } t ? t : null;
            if (next is null)
            {
                break;
            }
        }

        var topics = topicArns.Count(a => a == topicArn);
        var subscriptions = topics == 0 ? 0 : (await session.Sns.ListSubscriptionsByTopicAsync(topicArn)).Count;

        return new StackInventory(
            repositories,
            buckets,
            roles,
            projectNames.Count(n => n == $"{stack}-build"),
            pipelineNames.Count(n => n == $"{stack}-pipeline"),
            rules,
            targets,
            topics,
            subscriptions);
    }

    private static async Task<List<string?>> AllAsync<TFacts>(
        InventoryJsonClient<TFacts> client, string operation, string listMember, string tokenIn, string tokenOut, Func<JsonElement, string?>? name = null, string? extra = null)
        where TFacts : IAwsServiceFacts
    {
        var names = new List<string?>();
        string? token = null;
        for (var page = 0; page < 100; page++)
        {
            var body = "{" + string.Join(',', new[] { extra, token is null ? null : $"\"{tokenIn}\":{JsonSerializer.Serialize(token)}" }.Where(p => p is not null)) + "}";
            var reply = await client.CallAsync(operation, body);
            if (reply.TryGetProperty(listMember, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                names.AddRange(list.EnumerateArray().Select(e => name is null ? e.GetString() : name(e)));
            }

            token = reply.TryGetProperty(tokenOut, out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } s ? s : null;
            if (token is null)
            {
                break;
            }
        }

        return names;
    }

    private static PipectlClientConfig<TFacts> Config<TFacts>(MotoServer moto)
        where TFacts : IAwsServiceFacts =>
        new()
        {
            ServiceURL = moto.Endpoint,
            AuthenticationRegion = TFacts.IsGlobal ? "us-east-1" : Region,
        };
}
