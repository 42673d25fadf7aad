using System.Text.Json;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// Every create call of the stack carries both ownership tags (pipectl:stack, pipectl:region) in the call
/// itself, in the form the service's botocore model gives them; no separate tagging call follows.
/// </summary>
public sealed class CreateCallsCarryOwnershipWireTests
{
    private static readonly DesiredStack Desired = DesiredStack.From(
        StackSpec.FromStackName("demo", "eu-west-2", "123456789012") with { ApprovalEmail = "ops@example.com" });

    private static readonly IReadOnlyDictionary<string, string> Ownership = StackOwnership.TagsFor("demo", "eu-west-2");

    private static IamPropagation NoWait() => new(SilentProgress.Instance, (_, _) => Task.CompletedTask);

    [Fact]
    public async Task CreateRole_sends_both_tags_as_its_Tags_member_list()
    {
        using var server = new WireServer
        {
            Responder = r => r.Form.GetValueOrDefault("Action") == "CreateRole"
                ? WireReply.Xml("<CreateRoleResponse><CreateRoleResult><Role><RoleName>demo-codebuild-role</RoleName><Arn>arn:aws:iam::123456789012:role/demo-codebuild-role</Arn></Role></CreateRoleResult></CreateRoleResponse>")
                : WireReply.Xml("<PutRolePolicyResponse/>"),
        };
        using var session = WireSession.For(server);

        await new RoleDriver(session.Iam).CreateAsync(Desired.BuildRole, CancellationToken.None);

        var create = server.Requests.Single(r => r.Form.GetValueOrDefault("Action") == "CreateRole");
        ModelAssert.QueryRequestConforms("iam", "CreateRole", create);
        Assert.Equal(Ownership, QueryTags(create.Form, "Tags.member"));
        Assert.DoesNotContain(server.Requests, r => r.Form.GetValueOrDefault("Action") == "TagRole");
    }

    [Fact]
    public async Task CreateTopic_sends_both_tags_as_its_Tags_member_list()
    {
        using var server = new WireServer
        {
            Responder = r => r.Form.GetValueOrDefault("Action") == "CreateTopic"
                ? WireReply.Xml("<CreateTopicResponse><CreateTopicResult><TopicArn>arn:aws:sns:eu-west-2:123456789012:demo-approvals</TopicArn></CreateTopicResult></CreateTopicResponse>")
                : WireReply.Xml("<SubscribeResponse><SubscribeResult><SubscriptionArn>pending confirmation</SubscriptionArn></SubscribeResult></SubscribeResponse>"),
        };
        using var session = WireSession.For(server);

        await new TopicDriver(session.Sns, "eu-west-2", "123456789012").CreateAsync(Desired.ApprovalTopic!, CancellationToken.None);

        var create = server.Requests.Single(r => r.Form.GetValueOrDefault("Action") == "CreateTopic");
        ModelAssert.QueryRequestConforms("sns", "CreateTopic", create);
        Assert.Equal(Ownership, QueryTags(create.Form, "Tags.member"));
    }

    [Fact]
    public async Task PutRule_CreateRepository_and_CreateProject_send_both_tags_in_the_create_body()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target switch
            {
                "AWSEvents.PutRule" => WireReply.Json("""{"RuleArn":"arn:aws:events:eu-west-2:123456789012:rule/demo-trigger"}"""),
                "AWSEvents.PutTargets" => WireReply.Json("""{"FailedEntryCount":0,"FailedEntries":[]}"""),
                "CodeCommit_20150413.CreateRepository" => WireReply.Json("""{"repositoryMetadata":{"repositoryName":"demo","Arn":"arn:aws:codecommit:eu-west-2:123456789012:demo"}}"""),
                "CodeBuild_20161006.CreateProject" => WireReply.Json("""{"project":{"name":"demo-build","arn":"arn:aws:codebuild:eu-west-2:123456789012:project/demo-build"}}"""),
                _ => WireReply.Json("{}"),
            },
        };
        using var session = WireSession.For(server);

        await new RuleDriver(session.EventBridge).CreateAsync(Desired.Rule, CancellationToken.None);
        await new RepositoryDriver(session.CodeCommit).CreateAsync(Desired.Repository, CancellationToken.None);
        await new BuildProjectDriver(session.CodeBuild, NoWait()).CreateAsync(Desired.BuildProject, CancellationToken.None);

        var rule = Body(server, "AWSEvents.PutRule", "events", "PutRule");
        Assert.Equal(Ownership, rule.GetProperty("Tags").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!));
        var repository = Body(server, "CodeCommit_20150413.CreateRepository", "codecommit", "CreateRepository");
        Assert.Equal(Ownership, repository.GetProperty("tags").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetString()!));
        Assert.DoesNotContain("pipectl:", repository.GetProperty("repositoryDescription").GetString(), StringComparison.Ordinal);
        var project = Body(server, "CodeBuild_20161006.CreateProject", "codebuild", "CreateProject");
        Assert.Equal(Ownership, project.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString()!));
        Assert.DoesNotContain(server.Requests, r => r.Target?.EndsWith(".TagResource", StringComparison.Ordinal) == true);
    }

    private static JsonElement Body(WireServer server, string target, string service, string operation)
    {
        var request = server.Requests.Single(r => r.Target == target);
        ModelAssert.JsonRequestConforms(service, operation, request);
        return JsonDocument.Parse(request.Body).RootElement.Clone();
    }

    private static Dictionary<string, string> QueryTags(IReadOnlyDictionary<string, string> form, string prefix) =>
        form.Where(p => p.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && p.Key.EndsWith(".Key", StringComparison.Ordinal))
            .ToDictionary(p => p.Value, p => form[p.Key[..^".Key".Length] + ".Value"]);
}
