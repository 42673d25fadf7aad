using System.Text.Json;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests;

/// <summary>
/// The pipeline of a stack with a Test stage on the wire: a CodeBuild action (category Build, owner AWS, version 1)
/// naming the test project, one input artifact and no output, as botocore's codepipeline model and the CodePipeline
/// action structure reference describe the CodeBuild action.
/// </summary>
public sealed class TestStagePipelineWireTests
{
    private static Core.Pipelines.PipelineDeclaration Declaration(string input) => PipelineDeclarationFactory.Create(
        StackSpec.FromStackName("demo", "eu-west-2", "123456789012") with
        {
            Test = new TestStage("version: 0.2\nphases:\n  build:\n    commands: [npm test]\n", input),
            ApprovalEmail = "ops@example.com",
        });

    [Theory]
    [InlineData(TestInputs.Build, "BuildOutput")]
    [InlineData(TestInputs.Source, "SourceOutput")]
    public async Task CreatePipeline_with_a_test_stage_conforms_to_the_model(string input, string artifact)
    {
        using var server = new WireServer().Reply(WireReply.Json("{}"));
        using var session = WireSession.For(server);

        await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(PipelineDeclarationMapper.ToAws(Declaration(input))));

        ModelAssert.JsonRequestConforms("codepipeline", "CreatePipeline", server.LastRequest);
        using var body = JsonDocument.Parse(server.LastRequest.Body);
        var stages = body.RootElement.GetProperty("pipeline").GetProperty("stages");
        Assert.Equal(["Source", "Build", "Test", "Approval", "Deploy"], stages.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var action = stages[2].GetProperty("actions").EnumerateArray().Single();
        var type = action.GetProperty("actionTypeId");
        Assert.Equal(("Build", "AWS", "CodeBuild", "1"), (type.GetProperty("category").GetString(), type.GetProperty("owner").GetString(), type.GetProperty("provider").GetString(), type.GetProperty("version").GetString()));
        Assert.Equal("demo-test", action.GetProperty("configuration").GetProperty("ProjectName").GetString());
        Assert.Equal([artifact], action.GetProperty("inputArtifacts").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.True(!action.TryGetProperty("outputArtifacts", out var outputs) || outputs.GetArrayLength() == 0);
    }

    [Fact]
    public void The_test_stage_survives_the_trip_to_the_wire_and_back()
    {
        var declaration = Declaration(TestInputs.Source);

        Assert.Empty(PipelineDeclarationComparer.Differences(declaration, PipelineDeclarationMapper.ToCore(PipelineDeclarationMapper.ToAws(declaration))));
    }
}
