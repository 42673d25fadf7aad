using Pipectl.Aws.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Operations;

namespace Pipectl.Aws.Tests.Operations;

/// <summary>ListPipelines (paged), and the stack catalog: the pipelines tagged pipectl:stack, found through the tagging API.</summary>
public sealed class StackPipelineCatalogWireTests
{
    [Fact]
    public async Task ListAllPipelines_follows_next_token_and_conforms()
    {
        using var server = new WireServer().Reply(
            WireReply.Json("""{"pipelines":[{"name":"demo-pipeline","version":3,"pipelineType":"V2","executionMode":"QUEUED","created":1700000000,"updated":1700003600}],"nextToken":"page-2"}"""),
            WireReply.Json("""{"pipelines":[{"name":"legacy","version":1,"created":1600000000,"updated":1600000000}]}"""));
        using var session = WireSession.For(server);

        var pipelines = await session.CodePipeline.ListAllPipelinesAsync();

        Assert.Equal(["demo-pipeline", "legacy"], pipelines.Select(p => p.Name));
        Assert.Equal(3, pipelines[0].Version);
        Assert.Equal("V2", pipelines[0].PipelineType);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700003600), pipelines[0].Updated);
        ModelAssert.JsonRequestConforms("codepipeline", "ListPipelines", server.Requests[0]);
        ModelAssert.JsonRequestConforms("codepipeline", "ListPipelines", server.Requests[1]);
        Assert.Equal("{}", server.Requests[0].BodyText);
        Assert.Equal("""{"nextToken":"page-2"}""", server.Requests[1].BodyText);
    }

    private static string Tagged(string pipeline, string stack) =>
        $$"""{"ResourceARN":"arn:aws:codepipeline:us-east-1:123456789012:{{pipeline}}","Tags":[{"Key":"team","Value":"x"},{"Key":"pipectl:stack","Value":"{{stack}}"}]}""";

    [Fact]
    public async Task Catalog_asks_the_tagging_API_for_the_tagged_pipelines_and_reads_only_their_status()
    {
        using var server = new WireServer
        {
            Responder = request => ScriptedCodePipeline.Operation(request) switch
            {
                "GetResources" when !request.BodyText.Contains("PaginationToken", StringComparison.Ordinal) =>
                    WireReply.Json($$"""{"ResourceTagMappingList":[{{Tagged("web-pipeline", "web")}}],"PaginationToken":"p2"}"""),
                "GetResources" => WireReply.Json($$"""{"ResourceTagMappingList":[{{Tagged("api-pipeline", "api")}}]}"""),
                "ListPipelineExecutions" when request.BodyText.Contains("web-pipeline", StringComparison.Ordinal) => WireReply.Json(PipelineReplies.Executions("Failed")),
                "ListPipelineExecutions" => WireReply.Json(PipelineReplies.NoExecutions),
                var other => WireReply.JsonError(400, "ValidationException", $"unexpected {other}"),
            },
        };
        using var session = WireSession.For(server, "us-east-1");

        var stacks = await new StackPipelineCatalog(session.CodePipeline, session.Tagging).ListAsync(CancellationToken.None);

        Assert.Equal([new StackPipeline("api", "api-pipeline", null), new StackPipeline("web", "web-pipeline", "Failed")], stacks);
        var listing = server.Requests.Where(r => ScriptedCodePipeline.Operation(r) == "GetResources").ToList();
        Assert.Equal(2, listing.Count);
        Assert.All(listing, r => ModelAssert.JsonRequestConforms("resourcegroupstaggingapi", "GetResources", r));
        Assert.Equal("""{"TagFilters":[{"Key":"pipectl:stack"}],"ResourceTypeFilters":["codepipeline"],"ResourcesPerPage":100}""", listing[0].BodyText);
        var executionRequests = server.Requests.Where(r => ScriptedCodePipeline.Operation(r) == "ListPipelineExecutions").ToList();
        Assert.Equal(2, executionRequests.Count);
        Assert.All(executionRequests, r => ModelAssert.JsonRequestConforms("codepipeline", "ListPipelineExecutions", r));
        Assert.Contains(executionRequests, r => r.BodyText == """{"pipelineName":"web-pipeline","maxResults":1}""");
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Catalog_reports_an_unreadable_status_instead_of_failing()
    {
        using var server = new WireServer
        {
            Responder = request => ScriptedCodePipeline.Operation(request) switch
            {
                "GetResources" => WireReply.Json($$"""{"ResourceTagMappingList":[{{Tagged("web-pipeline", "web")}}]}"""),
                _ => WireReply.JsonError(400, "AccessDeniedException", "not authorized to perform codepipeline:ListPipelineExecutions"),
            },
        };
        using var session = WireSession.For(server, "us-east-1");

        var stack = Assert.Single(await new StackPipelineCatalog(session.CodePipeline, session.Tagging).ListAsync(CancellationToken.None));

        Assert.Equal(("web", "web-pipeline", null), (stack.Stack, stack.Pipeline, stack.LatestStatus));
        Assert.StartsWith("CodePipeline ListPipelineExecutions on pipeline web-pipeline failed: AccessDeniedException (HTTP ", stack.LookupError);
    }
}
