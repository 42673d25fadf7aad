using System.Text.Json;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Tests;

/// <summary>The pipeline of a GitHub source on the wire: the CodeStarSourceConnection action and the V2 push trigger.</summary>
public sealed class ConnectionPipelineWireTests
{
    private const string ConnectionArn = "arn:aws:codeconnections:eu-west-2:123456789012:connection/4f1c2a43-7a5b-4b7e-9a57-2b8f6e0b7c11";

    private static Core.Pipelines.PipelineDeclaration Declaration() => PipelineDeclarationFactory.Create(
        StackSpec.FromStackName("demo", "eu-west-2", "123456789012") with
        {
            Source = "github:octo/site",
            ConnectionArn = ConnectionArn,
            TriggerFilePaths = ["site/**", "buildspec.yml"],
        });

    [Fact]
    public async Task CreatePipeline_with_a_connection_source_and_a_push_trigger_conforms_to_the_model()
    {
        using var server = new WireServer().Reply(WireReply.Json("{}"));
        using var session = WireSession.For(server);

        await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(PipelineDeclarationMapper.ToAws(Declaration())));

        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codepipeline", "CreatePipeline", request);
        using var body = JsonDocument.Parse(request.Body);
        var pipeline = body.RootElement.GetProperty("pipeline");
        var trigger = pipeline.GetProperty("triggers").EnumerateArray().Single();
        Assert.Equal("CodeStarSourceConnection", trigger.GetProperty("providerType").GetString());
        var git = trigger.GetProperty("gitConfiguration");
        Assert.Equal("Source", git.GetProperty("sourceActionName").GetString());
        var push = git.GetProperty("push").EnumerateArray().Single();
        Assert.Equal(["main"], push.GetProperty("branches").GetProperty("includes").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(["site/**", "buildspec.yml"], push.GetProperty("filePaths").GetProperty("includes").EnumerateArray().Select(b => b.GetString()));
        var source = pipeline.GetProperty("stages")[0].GetProperty("actions")[0];
        Assert.Equal("CodeStarSourceConnection", source.GetProperty("actionTypeId").GetProperty("provider").GetString());
        Assert.Equal(ConnectionArn, source.GetProperty("configuration").GetProperty("ConnectionArn").GetString());
        Assert.Equal("octo/site", source.GetProperty("configuration").GetProperty("FullRepositoryId").GetString());
    }

    [Fact]
    public void Triggers_survive_the_trip_to_the_wire_and_back()
    {
        var declaration = Declaration();

        var back = PipelineDeclarationMapper.ToCore(PipelineDeclarationMapper.ToAws(declaration));

        Assert.Empty(PipelineDeclarationComparer.Differences(declaration, back));
        Assert.Equal(declaration.Triggers.Single().Describe(), back.Triggers.Single().Describe());
    }
}
