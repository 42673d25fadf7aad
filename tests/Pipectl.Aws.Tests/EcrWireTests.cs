using System.Text.Json;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Tests;

/// <summary>
/// ECR on the wire: JSON 1.1 (target AmazonEC2ContainerRegistry_V20150921), signed "ecr", every body valid against
/// botocore's ecr 2015-09-21 model; the repository driver's create, read, update and teardown.
/// </summary>
public sealed class EcrWireTests
{
    private const string Arn = "arn:aws:ecr:eu-west-2:123456789012:repository/demo";
    private const string Uri = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/demo";
    private static readonly Dictionary<string, string> Tags = new() { ["pipectl:stack"] = "demo", ["pipectl:region"] = "eu-west-2" };
    private static readonly EcrRepositorySpec Spec = new("demo", ScanOnPush: true, EcrRepositorySpec.KeepNewest(30), Tags);

    private static RecordedRequest Conforms(string operation, RecordedRequest request)
    {
        ModelAssert.JsonRequestConforms("ecr", operation, request);
        ModelAssert.SignedFor(request, "ecr", "eu-west-2");
        return request;
    }

    private static string RepositoryJson(bool scanOnPush = true) =>
        $$"""{"repositoryArn":"{{Arn}}","registryId":"123456789012","repositoryName":"demo","repositoryUri":"{{Uri}}","createdAt":1.7e9,"imageTagMutability":"MUTABLE","imageScanningConfiguration":{"scanOnPush":{{(scanOnPush ? "true" : "false")}}} }""";

    private static string TagsJson(IReadOnlyDictionary<string, string> tags) =>
        $$"""{"tags":[{{string.Join(",", tags.Select(t => $$"""{"Key":"{{t.Key}}","Value":"{{t.Value}}"}"""))}}]}""";

    [Fact]
    public async Task Create_sends_the_tags_and_scan_on_push_in_CreateRepository_then_the_lifecycle_policy()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"repository":{{RepositoryJson()}}}"""), WireReply.Json("{}"));
        using var session = WireSession.For(server);

        var state = await new EcrRepositoryDriver(session.Ecr).CreateAsync(Spec, CancellationToken.None);

        Assert.Equal((Arn, Uri), (state.Arn, state.Uri));
        var create = Conforms("CreateRepository", server.Requests[0]);
        using var body = JsonDocument.Parse(create.Body);
        Assert.Equal("demo", body.RootElement.GetProperty("repositoryName").GetString());
        Assert.True(body.RootElement.GetProperty("imageScanningConfiguration").GetProperty("scanOnPush").GetBoolean());
        Assert.Equal(Tags, body.RootElement.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!));
        var policy = Conforms("PutLifecyclePolicy", server.Requests[1]);
        using var policyBody = JsonDocument.Parse(policy.Body);
        using var text = JsonDocument.Parse(policyBody.RootElement.GetProperty("lifecyclePolicyText").GetString()!);
        var rule = text.RootElement.GetProperty("rules").EnumerateArray().Single();
        Assert.Equal(("any", "imageCountMoreThan", 30), (rule.GetProperty("selection").GetProperty("tagStatus").GetString(), rule.GetProperty("selection").GetProperty("countType").GetString(), rule.GetProperty("selection").GetProperty("countNumber").GetInt32()));
        Assert.Equal("expire", rule.GetProperty("action").GetProperty("type").GetString());
        Assert.Equal(2, session.Counter.Mutating);
    }

    [Fact]
    public async Task Read_describes_the_repository_then_its_tags_and_lifecycle_policy_and_a_missing_policy_reads_as_none()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target!.Split('.')[1] switch
        {
            "DescribeRepositories" => WireReply.Json($$"""{"repositories":[{{RepositoryJson()}}]}"""),
            "ListTagsForResource" => WireReply.Json(TagsJson(Tags)),
            _ => WireReply.JsonError(400, "LifecyclePolicyNotFoundException", "Lifecycle policy does not exist"),
        }
        };
        using var session = WireSession.For(server);

        var state = await new EcrRepositoryDriver(session.Ecr).ReadAsync(Spec, CancellationToken.None);

        Assert.NotNull(state);
        Assert.Null(state.LifecyclePolicy);
        Assert.True(state.ScanOnPush);
        Assert.Equal(["lifecycle policy: (none) -> " + JsonDocument.Parse(Spec.LifecyclePolicy).RootElement.GetRawText()], Spec.DifferencesFrom(state));
        Assert.Equal("""{"repositoryNames":["demo"]}""", Conforms("DescribeRepositories", server.Requests[0]).BodyText);
        Assert.Equal($$"""{"resourceArn":"{{Arn}}"}""", Conforms("ListTagsForResource", server.Requests.Single(r => r.Target!.EndsWith("ListTagsForResource", StringComparison.Ordinal))).BodyText);
        Assert.Equal("""{"repositoryName":"demo"}""", Conforms("GetLifecyclePolicy", server.Requests.Single(r => r.Target!.EndsWith("GetLifecyclePolicy", StringComparison.Ordinal))).BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task A_missing_repository_reads_as_absent()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "RepositoryNotFoundException", "The repository with name 'demo' does not exist"));
        using var session = WireSession.For(server);

        Assert.Null(await new EcrRepositoryDriver(session.Ecr).ReadAsync(Spec, CancellationToken.None));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_policy_returned_reformatted_is_no_difference()
    {
        var reformatted = JsonSerializer.Serialize(JsonDocument.Parse(Spec.LifecyclePolicy).RootElement, new JsonSerializerOptions { WriteIndented = true });
        var state = new EcrRepositoryState("demo", Arn, Uri, ScanOnPush: true, reformatted, Tags);

        Assert.Empty(Spec.DifferencesFrom(state));
        Assert.NotEmpty((Spec with { LifecyclePolicy = EcrRepositorySpec.KeepNewest(5) }).DifferencesFrom(state));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Update_turns_scanning_on_puts_the_policy_and_adds_missing_tags_only()
    {
        using var server = new WireServer().Reply(WireReply.Json("{}"), WireReply.Json("{}"), WireReply.Json("{}"));
        using var session = WireSession.For(server);
        var actual = new EcrRepositoryState("demo", Arn, Uri, ScanOnPush: false, EcrRepositorySpec.KeepNewest(10), new Dictionary<string, string> { ["team"] = "web" });

        var updated = await new EcrRepositoryDriver(session.Ecr).UpdateAsync(Spec, actual, Spec.DifferencesFrom(actual), CancellationToken.None);

        Assert.Equal("""{"repositoryName":"demo","imageScanningConfiguration":{"scanOnPush":true}}""", Conforms("PutImageScanningConfiguration", server.Requests[0]).BodyText);
        Conforms("PutLifecyclePolicy", server.Requests[1]);
        using var tags = JsonDocument.Parse(Conforms("TagResource", server.Requests[2]).Body);
        Assert.Equal(Arn, tags.RootElement.GetProperty("resourceArn").GetString());
        Assert.Equal(2, tags.RootElement.GetProperty("tags").GetArrayLength());
        Assert.Equal(["pipectl:region", "pipectl:stack", "team"], updated.Tags.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Teardown_counts_the_images_keeps_a_repository_that_holds_some_and_deletes_it_with_force_when_told()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target!.Split('.')[1] switch
        {
            "DescribeRepositories" => WireReply.Json($$"""{"repositories":[{{RepositoryJson()}}]}"""),
            "ListTagsForResource" => WireReply.Json(TagsJson(Tags)),
            "ListImages" => WireReply.Json("""{"imageIds":[{"imageDigest":"sha256:1","imageTag":"a"},{"imageDigest":"sha256:1","imageTag":"latest"},{"imageDigest":"sha256:2"}]}"""),
            _ => WireReply.Json($$"""{"repository":{{RepositoryJson()}}}"""),
        }
        };
        using var session = WireSession.For(server);
        var keeping = new EcrRepositoryDriver(session.Ecr);
        var state = await keeping.ReadToDeleteAsync(Spec, CancellationToken.None);

        var kept = await Assert.ThrowsAsync<DeletionDeferredException>(() => keeping.DeleteAsync(state!, CancellationToken.None));
        await new EcrRepositoryDriver(session.Ecr) { ForceDelete = true }.DeleteAsync(state!, CancellationToken.None);

        Assert.Equal(2, state!.ImageCount);
        Assert.Contains("2 images", kept.Message, StringComparison.Ordinal);
        Assert.Contains("--delete-images", kept.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Target!.EndsWith("GetLifecyclePolicy", StringComparison.Ordinal));
        Assert.Equal("""{"repositoryName":"demo","maxResults":1000}""", Conforms("ListImages", server.Requests.Single(r => r.Target!.EndsWith("ListImages", StringComparison.Ordinal))).BodyText);
        Assert.Equal("""{"repositoryName":"demo","force":true}""", Conforms("DeleteRepository", server.Requests.Single(r => r.Target!.EndsWith("DeleteRepository", StringComparison.Ordinal))).BodyText);
    }

    [Fact]
    public async Task An_empty_repository_is_deleted_without_force_and_one_already_gone_or_filled_meanwhile_is_handled()
    {
        using var server = new WireServer().Reply(
            WireReply.Json($$"""{"repository":{{RepositoryJson()}}}"""),
            WireReply.JsonError(400, "RepositoryNotFoundException", "gone"),
            WireReply.JsonError(400, "RepositoryNotEmptyException", "The repository cannot be deleted because it still contains images"));
        using var session = WireSession.For(server);
        var driver = new EcrRepositoryDriver(session.Ecr);
        var empty = new EcrRepositoryState("demo", Arn, Uri, true, null, Tags, ImageCount: 0);

        await driver.DeleteAsync(empty, CancellationToken.None);
        await driver.DeleteAsync(empty, CancellationToken.None);
        var filled = await Assert.ThrowsAsync<DeletionDeferredException>(() => driver.DeleteAsync(empty, CancellationToken.None));

        Assert.All(server.Requests, r => Assert.Equal("""{"repositoryName":"demo"}""", Conforms("DeleteRepository", r).BodyText));
        Assert.Contains("--delete-images", filled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_that_finds_the_stacks_own_repository_converges_it_and_refuses_anyone_elses()
    {
        var exists = WireReply.JsonError(400, "RepositoryAlreadyExistsException", "The repository with name 'demo' already exists");
        WireReply Answer(RecordedRequest r, IReadOnlyDictionary<string, string> tags) => r.Target!.Split('.')[1] switch
        {
            "CreateRepository" => exists,
            "DescribeRepositories" => WireReply.Json($$"""{"repositories":[{{RepositoryJson()}}]}"""),
            "ListTagsForResource" => WireReply.Json(TagsJson(tags)),
            "GetLifecyclePolicy" => WireReply.JsonError(400, "LifecyclePolicyNotFoundException", "none"),
            _ => WireReply.Json("{}"),
        };
        using var own = new WireServer { Responder = r => Answer(r, Tags) };
        using var foreign = new WireServer { Responder = r => Answer(r, new Dictionary<string, string> { ["team"] = "web" }) };
        using var ownSession = WireSession.For(own);
        using var foreignSession = WireSession.For(foreign);

        var state = await new EcrRepositoryDriver(ownSession.Ecr).CreateAsync(Spec, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ProvisioningException>(() => new EcrRepositoryDriver(foreignSession.Ecr).CreateAsync(Spec, CancellationToken.None));

        Assert.Equal(Spec.LifecyclePolicy, state.LifecyclePolicy);
        Assert.Contains(own.Requests, r => r.Target!.EndsWith("PutLifecyclePolicy", StringComparison.Ordinal));
        Assert.Contains("ECR repository demo already exists and was not created by pipectl", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Requests, r => r.Target!.EndsWith("PutLifecyclePolicy", StringComparison.Ordinal) || r.Target!.EndsWith("TagResource", StringComparison.Ordinal));
    }

}
