using System.Text.Json;
using Pipectl.Aws.Tagging;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests.Tagging;

/// <summary>
/// The Resource Groups Tagging API on the wire: JSON 1.1, target ResourceGroupsTaggingAPI_20170126, signed "tagging",
/// each body valid against the botocore model (resourcegroupstaggingapi 2017-01-26); one request per page.
/// </summary>
public sealed class ResourceTaggingWireTests
{
    private static string Mapping(string arn, string stack) =>
        $$"""{"ResourceARN":"{{arn}}","Tags":[{"Key":"pipectl:stack","Value":"{{stack}}"},{"Key":"pipectl:region","Value":"eu-west-2"}]}""";

    [Fact]
    public async Task GetResources_sends_the_tag_and_type_filters_and_follows_the_pagination_token()
    {
        using var server = new WireServer().Reply(
            WireReply.Json($$"""{"ResourceTagMappingList":[{{Mapping("arn:aws:codepipeline:eu-west-2:123456789012:shop-pipeline", "shop")}}],"PaginationToken":"page-2"}"""),
            WireReply.Json($$"""{"ResourceTagMappingList":[{{Mapping("arn:aws:codebuild:eu-west-2:123456789012:project/shop-build", "shop")}}],"PaginationToken":""}"""));
        using var session = WireSession.For(server);

        var found = await session.Tagging.GetAllResourcesAsync([new TagFilter("pipectl:stack", ["shop"])], ["codepipeline:pipeline", "codebuild:project"]);

        Assert.Equal(["arn:aws:codepipeline:eu-west-2:123456789012:shop-pipeline", "arn:aws:codebuild:eu-west-2:123456789012:project/shop-build"], found.Select(f => f.ResourceARN));
        Assert.Equal("shop", found[1].Tags!.Single(t => t.Key == "pipectl:stack").Value);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        foreach (var request in requests)
        {
            ModelAssert.JsonRequestConforms("resourcegroupstaggingapi", "GetResources", request);
            ModelAssert.SignedFor(request, "tagging", "eu-west-2");
        }

        Assert.Equal("""{"TagFilters":[{"Key":"pipectl:stack","Values":["shop"]}],"ResourceTypeFilters":["codepipeline:pipeline","codebuild:project"],"ResourcesPerPage":100}""", requests[0].BodyText);
        using var second = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("page-2", second.RootElement.GetProperty("PaginationToken").GetString());
        Assert.Equal(0, session.Counter.Mutating);
        Assert.Equal(2, session.Counter.Total);
    }

    [Fact]
    public async Task A_tag_filter_without_values_matches_the_key_alone()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"ResourceTagMappingList":[]}"""));
        using var session = WireSession.For(server);

        var found = await session.Tagging.GetAllResourcesAsync([new TagFilter("pipectl:stack")], ["codepipeline:pipeline"]);

        Assert.Empty(found);
        ModelAssert.JsonRequestConforms("resourcegroupstaggingapi", "GetResources", server.LastRequest);
        Assert.Equal("""{"TagFilters":[{"Key":"pipectl:stack"}],"ResourceTypeFilters":["codepipeline:pipeline"],"ResourcesPerPage":100}""", server.LastRequest.BodyText);
    }
}
