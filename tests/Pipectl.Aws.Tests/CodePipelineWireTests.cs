using System.Text.Json;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

public sealed class CodePipelineWireTests
{
    private const string PipelineArn = "arn:aws:codepipeline:eu-west-2:123456789012:demo-pipeline";
    private const string RoleArn = "arn:aws:iam::123456789012:role/demo-pipeline-role";

    // Shaped like the GetPipeline example of the CodePipeline API reference (camelCase, epoch-second dates).
    private const string DeclarationJson = """
        {"name":"demo-pipeline","roleArn":"arn:aws:iam::123456789012:role/demo-pipeline-role",
         "artifactStore":{"type":"S3","location":"demo-artifacts-123456789012"},
         "stages":[
          {"name":"Source","actions":[{"name":"Source","actionTypeId":{"category":"Source","owner":"AWS","provider":"CodeCommit","version":"1"},"runOrder":1,
            "configuration":{"BranchName":"main","OutputArtifactFormat":"CODE_ZIP","PollForSourceChanges":"false","RepositoryName":"demo"},
            "outputArtifacts":[{"name":"SourceOutput"}],"inputArtifacts":[],"region":"eu-west-2","namespace":"SourceVariables"}]},
          {"name":"Build","actions":[{"name":"Build","actionTypeId":{"category":"Build","owner":"AWS","provider":"CodeBuild","version":"1"},"runOrder":1,
            "configuration":{"ProjectName":"demo-build"},"outputArtifacts":[{"name":"BuildOutput"}],"inputArtifacts":[{"name":"SourceOutput"}]}]},
          {"name":"Approve","actions":[{"name":"Approve","actionTypeId":{"category":"Approval","owner":"AWS","provider":"Manual","version":"1"},"runOrder":1,
            "configuration":{"CustomData":"Check the site"},"outputArtifacts":[],"inputArtifacts":[]}]},
          {"name":"Deploy","actions":[{"name":"Deploy","actionTypeId":{"category":"Deploy","owner":"AWS","provider":"S3","version":"1"},"runOrder":1,
            "configuration":{"BucketName":"demo-site","Extract":"true"},"outputArtifacts":[],"inputArtifacts":[{"name":"BuildOutput"}],
            "roleArn":"arn:aws:iam::123456789012:role/demo-deploy-role"}]}],
         "version":3,"executionMode":"QUEUED","pipelineType":"V2"}
        """;

    private static PipelineDeclaration Declaration(int? version = null) => new(
        "demo-pipeline",
        RoleArn,
        new ArtifactStore("S3", "demo-artifacts-123456789012"),
        [
            new StageDeclaration("Source", [new ActionDeclaration("Source", new ActionTypeId("Source", "AWS", "CodeCommit", "1"), 1,
                new Dictionary<string, string> { ["RepositoryName"] = "demo", ["BranchName"] = "main", ["PollForSourceChanges"] = "false", ["OutputArtifactFormat"] = "CODE_ZIP" },
                OutputArtifacts: [new OutputArtifact("SourceOutput")], Namespace: "SourceVariables")]),
            new StageDeclaration("Build", [new ActionDeclaration("Build", new ActionTypeId("Build", "AWS", "CodeBuild", "1"), 1,
                new Dictionary<string, string> { ["ProjectName"] = "demo-build" },
                InputArtifacts: [new InputArtifact("SourceOutput")], OutputArtifacts: [new OutputArtifact("BuildOutput")])]),
            new StageDeclaration("Approve", [new ActionDeclaration("Approve", new ActionTypeId("Approval", "AWS", "Manual", "1"), 1,
                new Dictionary<string, string> { ["CustomData"] = "Check the site" })]),
            new StageDeclaration("Deploy", [new ActionDeclaration("Deploy", new ActionTypeId("Deploy", "AWS", "S3", "1"), 1,
                new Dictionary<string, string> { ["BucketName"] = "demo-site", ["Extract"] = "true" },
                InputArtifacts: [new InputArtifact("BuildOutput")], RoleArn: "arn:aws:iam::123456789012:role/demo-deploy-role", Region: "eu-west-2")]),
        ],
        version,
        "V2",
        "QUEUED");

    [Fact]
    public async Task CreatePipeline_sends_a_model_conforming_body_signed_for_codepipeline()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"pipeline":{{DeclarationJson}},"tags":[{"key":"pipectl:stack","value":"demo"}]}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(Declaration(), [new PipelineTag("pipectl:stack", "demo")]));

        Assert.Equal("demo-pipeline", reply.Pipeline!.Name);
        Assert.Equal(3, reply.Pipeline.Version);
        Assert.Equal(new PipelineTag("pipectl:stack", "demo"), reply.Tags!.Single());
        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codepipeline", "CreatePipeline", request);
        ModelAssert.SignedFor(request, "codepipeline", "eu-west-2");
        using var body = JsonDocument.Parse(request.Body);
        var pipeline = body.RootElement.GetProperty("pipeline");
        Assert.False(pipeline.TryGetProperty("version", out _));
        Assert.Equal("V2", pipeline.GetProperty("pipelineType").GetString());
        Assert.Equal("QUEUED", pipeline.GetProperty("executionMode").GetString());
        Assert.Equal("demo-artifacts-123456789012", pipeline.GetProperty("artifactStore").GetProperty("location").GetString());
        var stages = pipeline.GetProperty("stages");
        Assert.Equal(["Source", "Build", "Approve", "Deploy"], stages.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var source = stages[0].GetProperty("actions")[0];
        Assert.Equal("CodeCommit", source.GetProperty("actionTypeId").GetProperty("provider").GetString());
        Assert.Equal("false", source.GetProperty("configuration").GetProperty("PollForSourceChanges").GetString());
        Assert.Equal("SourceVariables", source.GetProperty("namespace").GetString());
        Assert.Equal("SourceOutput", source.GetProperty("outputArtifacts")[0].GetProperty("name").GetString());
        var deploy = stages[3].GetProperty("actions")[0];
        Assert.Equal("arn:aws:iam::123456789012:role/demo-deploy-role", deploy.GetProperty("roleArn").GetString());
        Assert.Equal("BuildOutput", deploy.GetProperty("inputArtifacts")[0].GetProperty("name").GetString());
        Assert.Equal("pipectl:stack", body.RootElement.GetProperty("tags")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task GetPipeline_reads_the_declaration_and_metadata()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""
            {"pipeline":{{DeclarationJson}},"metadata":{"pipelineArn":"{{PipelineArn}}","created":1700000000.25,"updated":1700003600} }
            """));
        using var session = WireSession.For(server);

        var reply = await session.CodePipeline.GetPipelineAsync("demo-pipeline");

        Assert.Equal(PipelineArn, reply.Metadata!.PipelineArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000250), reply.Metadata.Created);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700003600), reply.Metadata.Updated);
        var pipeline = reply.Pipeline!;
        Assert.Equal(RoleArn, pipeline.RoleArn);
        Assert.Equal("V2", pipeline.PipelineType);
        Assert.Equal("QUEUED", pipeline.ExecutionMode);
        Assert.Equal(4, pipeline.Stages.Count);
        var source = pipeline.Stages[0].Actions[0];
        Assert.Equal(new ActionTypeId("Source", "AWS", "CodeCommit", "1"), source.ActionTypeId);
        Assert.Equal("demo", source.Configuration!["RepositoryName"]);
        Assert.Equal("SourceOutput", source.OutputArtifacts!.Single().Name);
        Assert.Equal("eu-west-2", source.Region);
        Assert.Equal("SourceVariables", source.Namespace);
        Assert.Equal("SourceOutput", pipeline.Stages[1].Actions[0].InputArtifacts!.Single().Name);
        Assert.Equal("arn:aws:iam::123456789012:role/demo-deploy-role", pipeline.Stages[3].Actions[0].RoleArn);
        ModelAssert.JsonRequestConforms("codepipeline", "GetPipeline", server.LastRequest);
        Assert.Equal("""{"name":"demo-pipeline"}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task UpdatePipeline_sends_the_declaration_with_its_version()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"pipeline":{{DeclarationJson}}}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodePipeline.UpdatePipelineAsync(Declaration(version: 2));

        Assert.Equal(3, reply.Pipeline!.Version);
        ModelAssert.JsonRequestConforms("codepipeline", "UpdatePipeline", server.LastRequest);
        using var body = JsonDocument.Parse(server.LastRequest.Body);
        Assert.Equal(2, body.RootElement.GetProperty("pipeline").GetProperty("version").GetInt32());
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task DeletePipeline_conforms_and_accepts_an_empty_reply()
    {
        using var server = new WireServer().Reply(WireReply.Json(""));
        using var session = WireSession.For(server);

        await session.CodePipeline.DeletePipelineAsync("demo-pipeline");

        ModelAssert.JsonRequestConforms("codepipeline", "DeletePipeline", server.LastRequest);
        Assert.Equal("""{"name":"demo-pipeline"}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task GetPipelineState_reads_stage_and_action_states()
    {
        // Shaped like the get-pipeline-state example of the CodePipeline docs, with a failed build and a pending approval.
        using var server = new WireServer().Reply(WireReply.Json("""
            {"pipelineName":"demo-pipeline","pipelineVersion":3,"created":1700000000,"updated":1700003600,
             "stageStates":[
              {"stageName":"Source","inboundExecutions":[],
               "actionStates":[{"actionName":"Source","currentRevision":{"revisionId":"317f8570EXAMPLE","revisionChangeId":"317f8570EXAMPLE","created":1700000100},
                 "latestExecution":{"actionExecutionId":"a1","status":"Succeeded","summary":"Initial commit","lastStatusChange":1700000200.5,"externalExecutionId":"317f8570EXAMPLE"},
                 "entityUrl":"https://eu-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/demo/browse/refs/heads/main",
                 "revisionUrl":"https://eu-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/demo/commit/317f8570EXAMPLE"}],
               "latestExecution":{"pipelineExecutionId":"e-1","status":"Succeeded"}},
              {"stageName":"Build","inboundTransitionState":{"enabled":true},
               "actionStates":[{"actionName":"Build","latestExecution":{"status":"Failed","summary":"Build terminated with state: FAILED","lastStatusChange":1700000500,
                 "externalExecutionId":"demo-build:0b7bd3e8-EXAMPLE","externalExecutionUrl":"https://console.aws.amazon.com/codebuild/home",
                 "errorDetails":{"code":"JobFailed","message":"Build terminated with state: FAILED"}}}],
               "latestExecution":{"pipelineExecutionId":"e-1","status":"Failed"}},
              {"stageName":"Approve","inboundTransitionState":{"enabled":false,"lastChangedBy":"arn:aws:iam::123456789012:user/admin","lastChangedAt":1700000600,"disabledReason":"freeze"},
               "actionStates":[{"actionName":"Approve","latestExecution":{"status":"InProgress","token":"1a2b3c4d-EXAMPLE","lastStatusChange":1700000700}}],
               "latestExecution":{"pipelineExecutionId":"e-2","status":"InProgress"}}]}
            """));
        using var session = WireSession.For(server);

        var state = await session.CodePipeline.GetPipelineStateAsync("demo-pipeline");

        Assert.Equal("demo-pipeline", state.PipelineName);
        Assert.Equal(3, state.PipelineVersion);
        Assert.Equal(3, state.StageStates!.Count);
        var source = state.StageStates[0];
        Assert.Null(source.InboundTransitionState);
        Assert.Equal(new StageExecution("e-1", "Succeeded"), source.LatestExecution);
        var sourceAction = source.ActionStates!.Single();
        Assert.Equal("317f8570EXAMPLE", sourceAction.CurrentRevision!.RevisionId);
        Assert.EndsWith("/commit/317f8570EXAMPLE", sourceAction.RevisionUrl);
        Assert.Equal("Initial commit", sourceAction.LatestExecution!.Summary);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000200500), sourceAction.LatestExecution.LastStatusChange);
        var build = state.StageStates[1].ActionStates!.Single().LatestExecution!;
        Assert.Equal("Failed", build.Status);
        Assert.Equal("demo-build:0b7bd3e8-EXAMPLE", build.ExternalExecutionId);
        Assert.Equal(new ErrorDetails("JobFailed", "Build terminated with state: FAILED"), build.ErrorDetails);
        Assert.True(state.StageStates[1].InboundTransitionState!.Enabled);
        var approve = state.StageStates[2];
        Assert.False(approve.InboundTransitionState!.Enabled);
        Assert.Equal("freeze", approve.InboundTransitionState.DisabledReason);
        Assert.Equal("Approve", approve.ActionStates!.Single().ActionName);
        Assert.Equal("1a2b3c4d-EXAMPLE", approve.ActionStates![0].LatestExecution!.Token);
        Assert.Equal("e-2", approve.LatestExecution!.PipelineExecutionId);
        ModelAssert.JsonRequestConforms("codepipeline", "GetPipelineState", server.LastRequest);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task StartPipelineExecution_returns_the_execution_id()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"pipelineExecutionId":"3137f7cb-7cf7-EXAMPLE"}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodePipeline.StartPipelineExecutionAsync("demo-pipeline", "pipectl-run-1");

        Assert.Equal("3137f7cb-7cf7-EXAMPLE", reply.PipelineExecutionId);
        ModelAssert.JsonRequestConforms("codepipeline", "StartPipelineExecution", server.LastRequest);
        Assert.Equal("""{"name":"demo-pipeline","clientRequestToken":"pipectl-run-1"}""", server.LastRequest.BodyText);
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task ListPipelineExecutions_reads_summaries_and_pages()
    {
        using var server = new WireServer().Reply(
            WireReply.Json("""
                {"pipelineExecutionSummaries":[
                  {"pipelineExecutionId":"e-2","status":"InProgress","startTime":1700000600,"lastUpdateTime":1700000700,
                   "sourceRevisions":[{"actionName":"Source","revisionId":"317f8570EXAMPLE","revisionSummary":"Update index.html","revisionUrl":"https://example.com/commit/317f8570EXAMPLE"}],
                   "trigger":{"triggerType":"CloudWatchEvent","triggerDetail":"arn:aws:events:eu-west-2:123456789012:rule/demo-trigger"},"executionMode":"QUEUED"},
                  {"pipelineExecutionId":"e-1","status":"Stopped","startTime":1700000000,"lastUpdateTime":1700000300,"sourceRevisions":[],
                   "trigger":{"triggerType":"StartPipelineExecution","triggerDetail":"arn:aws:iam::123456789012:user/admin"},"stopTrigger":{"reason":"superseded by a fix"}}],
                 "nextToken":"page-2"}
                """),
            WireReply.Json("""{"pipelineExecutionSummaries":[]}"""));
        using var session = WireSession.For(server);

        var first = await session.CodePipeline.ListPipelineExecutionsAsync("demo-pipeline", maxResults: 2);
        var second = await session.CodePipeline.ListPipelineExecutionsAsync("demo-pipeline", maxResults: 2, nextToken: first.NextToken);

        Assert.Equal("page-2", first.NextToken);
        var latest = first.PipelineExecutionSummaries![0];
        Assert.Equal(("e-2", "InProgress"), (latest.PipelineExecutionId, latest.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000600), latest.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000700), latest.LastUpdateTime);
        Assert.Equal(new SourceRevision("Source", "317f8570EXAMPLE", "Update index.html", "https://example.com/commit/317f8570EXAMPLE"), latest.SourceRevisions!.Single());
        Assert.Equal("CloudWatchEvent", latest.Trigger!.TriggerType);
        Assert.Null(latest.StopTrigger);
        Assert.Equal("superseded by a fix", first.PipelineExecutionSummaries[1].StopTrigger!.Reason);
        Assert.Empty(second.PipelineExecutionSummaries!);
        Assert.Null(second.NextToken);
        ModelAssert.JsonRequestConforms("codepipeline", "ListPipelineExecutions", server.Requests[0]);
        ModelAssert.JsonRequestConforms("codepipeline", "ListPipelineExecutions", server.Requests[1]);
        Assert.Equal("""{"pipelineName":"demo-pipeline","maxResults":2}""", server.Requests[0].BodyText);
        Assert.Equal("""{"pipelineName":"demo-pipeline","maxResults":2,"nextToken":"page-2"}""", server.Requests[1].BodyText);
    }

    [Fact]
    public async Task PutApprovalResult_sends_the_decision_and_token()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"approvedAt":1700000800.5}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodePipeline.PutApprovalResultAsync(new PutApprovalResultRequest(
            "demo-pipeline", "Approve", "Approve", new ApprovalResult("Looks good", "Approved"), "1a2b3c4d-EXAMPLE"));

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000800500), reply.ApprovedAt);
        ModelAssert.JsonRequestConforms("codepipeline", "PutApprovalResult", server.LastRequest);
        Assert.Equal(
            """{"pipelineName":"demo-pipeline","stageName":"Approve","actionName":"Approve","result":{"summary":"Looks good","status":"Approved"},"token":"1a2b3c4d-EXAMPLE"}""",
            server.LastRequest.BodyText);
    }

    [Fact]
    public async Task TagResource_and_ListTagsForResource_conform_and_follow_next_token()
    {
        using var server = new WireServer().Reply(
            WireReply.Json("{}"),
            WireReply.Json("""{"tags":[{"key":"pipectl:stack","value":"demo"}],"nextToken":"page-2"}"""),
            WireReply.Json("""{"tags":[{"key":"team","value":"web"}]}"""));
        using var session = WireSession.For(server);

        await session.CodePipeline.TagResourceAsync(PipelineArn, [new PipelineTag("pipectl:stack", "demo"), new PipelineTag("team", "web")]);
        var tags = await session.CodePipeline.ListAllTagsForResourceAsync(PipelineArn);

        Assert.Equal([new PipelineTag("pipectl:stack", "demo"), new PipelineTag("team", "web")], tags);
        ModelAssert.JsonRequestConforms("codepipeline", "TagResource", server.Requests[0]);
        Assert.Equal($$"""{"resourceArn":"{{PipelineArn}}","tags":[{"key":"pipectl:stack","value":"demo"},{"key":"team","value":"web"}]}""", server.Requests[0].BodyText);
        ModelAssert.JsonRequestConforms("codepipeline", "ListTagsForResource", server.Requests[1]);
        ModelAssert.JsonRequestConforms("codepipeline", "ListTagsForResource", server.Requests[2]);
        Assert.Equal($$"""{"resourceArn":"{{PipelineArn}}","nextToken":"page-2"}""", server.Requests[2].BodyText);
    }

    [Fact]
    public async Task Missing_pipeline_is_a_typed_not_found()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "PipelineNotFoundException", "Account '123456789012' does not have a pipeline with name 'demo-pipeline'"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync("demo-pipeline"));

        Assert.Equal("PipelineNotFoundException", e.Code);
        Assert.Equal(WireReply.RequestId, e.RequestId);
    }

    [Fact]
    public async Task Role_not_yet_assumable_is_an_iam_propagation_error()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "InvalidStructureException",
            "CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/demo-pipeline-role"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsIamPropagationException>(() => session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(Declaration())));

        Assert.Equal("InvalidStructureException", e.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Pipeline_name_in_use_is_a_typed_already_exists()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "PipelineNameInUseException", "Pipeline name demo-pipeline is already in use"));
        using var session = WireSession.For(server);

        await Assert.ThrowsAsync<AwsResourceExistsException>(() => session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(Declaration())));
    }

    [Theory]
    [InlineData("""{"pipeline":{"name":"p","roleArn":"r","stages":[{"name":"s","actions":[{"name":"a","actionTypeId":{"category":"Source","owner":"AWS","provider":"CodeCommit","version":"1"},"configuration":{"PollForSourceChanges":false}}]}]}}""", "expected a string")]
    [InlineData("""{"pipeline":{"name":"p","roleArn":"r","stages":[{"name":"s","actions":[{"name":"a","actionTypeId":{"category":"Source","owner":"Amazon","provider":"CodeCommit","version":"1"}}]}]}}""", "is not one of")]
    [InlineData("""{"pipeline":{"name":"p","roleArn":"r"}}""", "stages: required")]
    [InlineData("""{"pipeline":{"name":"p","roleArn":"r","stages":[]},"tags":{"a":"b"}}""", "expected a list")]
    public void Model_check_rejects_a_wrong_CreatePipeline_body(string body, string expected)
    {
        var errors = BotocoreModels.Load("codepipeline").ValidateJson("CreatePipeline", body);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Model_check_rejects_a_wrong_approval_status()
    {
        var errors = BotocoreModels.Load("codepipeline").ValidateJson("PutApprovalResult",
            """{"pipelineName":"p","stageName":"s","actionName":"a","result":{"summary":"ok","status":"APPROVED"},"token":"t"}""");
        Assert.NotEmpty(errors);
    }
}
