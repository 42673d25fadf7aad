using System.Net;
using System.Text.Json;
using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Aws.EventBridge;
using Pipectl.Aws.Session;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

/// <summary>The CodeBuild, CodePipeline and EventBridge clients against moto_server (the calls moto implements).</summary>
[Collection(MotoCollection.Name)]
public sealed class JsonClientsAgainstMotoTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private AwsSession Session() => TestSessions.For(moto);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    [Fact]
    public async Task CodeBuild_project_is_created_read_and_deleted()
    {
        using var session = Session();
        var name = Unique("itest-build");
        var role = $"arn:aws:iam::{Account}:role/{name}-role";
        // moto wants a location on CODEPIPELINE source and artifacts; AWS ignores it.
        var create = new CreateProjectRequest(
            name,
            new ProjectSource("CODEPIPELINE", Location: "pipeline", Buildspec: "buildspec.yml", GitCloneDepth: 1),
            new ProjectArtifacts("CODEPIPELINE", Location: "pipeline"),
            new ProjectEnvironment("LINUX_CONTAINER", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL", PrivilegedMode: false,
                EnvironmentVariables: [new CodeBuildEnvironmentVariable("STAGE", "test", "PLAINTEXT")]),
            role,
            Description: "made by a test",
            LogsConfig: new LogsConfig(new CloudWatchLogsConfig("ENABLED", $"/aws/codebuild/{name}")),
            Tags: [new CodeBuildTag("pipectl:stack", "itest")]);

        var created = await session.CodeBuild.CreateProjectAsync(create);
        Assert.Equal(name, created.Project!.Name);
        Assert.Equal($"arn:aws:codebuild:us-east-1:{Account}:project/{name}", created.Project.Arn);

        var read = await session.CodeBuild.BatchGetProjectsAsync([name, Unique("itest-missing")]);
        var project = Assert.Single(read.Projects!);
        Assert.Equal("made by a test", project.Description);
        Assert.Equal(role, project.ServiceRole);
        Assert.Equal("CODEPIPELINE", project.Source!.Type);
        Assert.Equal("buildspec.yml", project.Source.Buildspec);
        Assert.Equal("aws/codebuild/standard:7.0", project.Environment!.Image);
        Assert.Equal("STAGE", project.Environment.EnvironmentVariables!.Single().Name);
        Assert.Equal(new CodeBuildTag("pipectl:stack", "itest"), project.Tags!.Single());
        Assert.NotNull(project.Created);

        await Assert.ThrowsAsync<AwsResourceExistsException>(() => session.CodeBuild.CreateProjectAsync(create));

        await session.CodeBuild.DeleteProjectAsync(name);
        var gone = await session.CodeBuild.BatchGetProjectsAsync([name]);
        Assert.Empty(gone.Projects!);
    }

    [Fact]
    public async Task CodePipeline_pipeline_is_created_read_updated_tagged_and_deleted()
    {
        using var session = Session();
        var name = Unique("itest-pipeline");
        var roleArn = await CreateRoleAsync($"{name}-role", "codepipeline.amazonaws.com");
        var declaration = new PipelineDeclaration(
            name,
            roleArn,
            new ArtifactStore("S3", $"{name}-artifacts"),
            [
                new StageDeclaration("Source", [new ActionDeclaration("Source", new ActionTypeId("Source", "AWS", "CodeCommit", "1"), 1,
                    new Dictionary<string, string> { ["RepositoryName"] = "demo", ["BranchName"] = "main", ["PollForSourceChanges"] = "false" },
                    OutputArtifacts: [new OutputArtifact("SourceOutput")])]),
                new StageDeclaration("Build", [new ActionDeclaration("Build", new ActionTypeId("Build", "AWS", "CodeBuild", "1"), 1,
                    new Dictionary<string, string> { ["ProjectName"] = "demo-build" },
                    InputArtifacts: [new InputArtifact("SourceOutput")], OutputArtifacts: [new OutputArtifact("BuildOutput")])]),
            ],
            PipelineType: "V2",
            ExecutionMode: "QUEUED");

        var created = await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration, [new PipelineTag("pipectl:stack", "itest")]));
        Assert.Equal(name, created.Pipeline!.Name);
        Assert.Equal(1, created.Pipeline.Version);
        Assert.Equal(new PipelineTag("pipectl:stack", "itest"), created.Tags!.Single());

        var read = await session.CodePipeline.GetPipelineAsync(name);
        Assert.Equal($"arn:aws:codepipeline:us-east-1:{Account}:{name}", read.Metadata!.PipelineArn);
        Assert.NotNull(read.Metadata.Created);
        Assert.Equal(roleArn, read.Pipeline!.RoleArn);
        Assert.Equal(["Source", "Build"], read.Pipeline.Stages.Select(s => s.Name));
        Assert.Equal("false", read.Pipeline.Stages[0].Actions[0].Configuration!["PollForSourceChanges"]);
        Assert.Equal("SourceOutput", read.Pipeline.Stages[1].Actions[0].InputArtifacts!.Single().Name);

        var changed = read.Pipeline with
        {
            Stages = [read.Pipeline.Stages[0], read.Pipeline.Stages[1] with { Name = "BuildAndTest" }],
        };
        var updated = await session.CodePipeline.UpdatePipelineAsync(changed);
        Assert.Equal(2, updated.Pipeline!.Version);
        Assert.Equal("BuildAndTest", (await session.CodePipeline.GetPipelineAsync(name)).Pipeline!.Stages[1].Name);

        var tags = await session.CodePipeline.ListAllTagsForResourceAsync(read.Metadata.PipelineArn!);
        Assert.Equal(new PipelineTag("pipectl:stack", "itest"), tags.Single());

        await session.CodePipeline.DeletePipelineAsync(name);
        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync(name));
        Assert.Equal("PipelineNotFoundException", missing.Code);
    }

    [Fact]
    public async Task CodePipeline_role_without_a_codepipeline_trust_is_reported_like_an_unpropagated_role()
    {
        using var session = Session();
        var name = Unique("itest-untrusted");
        var roleArn = await CreateRoleAsync($"{name}-role", "codebuild.amazonaws.com");
        var declaration = new PipelineDeclaration(name, roleArn, new ArtifactStore("S3", $"{name}-artifacts"),
        [
            new StageDeclaration("Source", [new ActionDeclaration("Source", new ActionTypeId("Source", "AWS", "S3", "1"), OutputArtifacts: [new OutputArtifact("Out")])]),
            new StageDeclaration("Deploy", [new ActionDeclaration("Deploy", new ActionTypeId("Deploy", "AWS", "S3", "1"), InputArtifacts: [new InputArtifact("Out")])]),
        ]);

        var e = await Assert.ThrowsAsync<AwsIamPropagationException>(() => session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration)));
        Assert.Equal("InvalidStructureException", e.Code);
    }

    [Fact]
    public async Task EventBridge_rule_with_a_target_is_created_read_tagged_and_deleted()
    {
        using var session = Session();
        var name = Unique("itest-rule");
        var pipelineArn = $"arn:aws:codepipeline:us-east-1:{Account}:{name}-pipeline";
        var roleArn = $"arn:aws:iam::{Account}:role/{name}-events";
        var pattern = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["source"] = ["aws.codecommit"], ["detail-type"] = ["CodeCommit Repository State Change"] });

        var put = await session.EventBridge.PutRuleAsync(new PutRuleRequest(name, pattern, "ENABLED", "made by a test", Tags: [new EventBridgeTag("pipectl:stack", "itest")]));
        Assert.Equal($"arn:aws:events:us-east-1:{Account}:rule/{name}", put.RuleArn);

        var rule = await session.EventBridge.DescribeRuleAsync(name);
        Assert.Equal((name, "ENABLED", "made by a test"), (rule.Name, rule.State, rule.Description));
        using (var expected = JsonDocument.Parse(pattern))
        using (var actual = JsonDocument.Parse(rule.EventPattern!))
        {
            Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), rule.EventPattern);
        }

        var targetsPut = await session.EventBridge.PutTargetsAsync(name, [new RuleTarget("codepipeline", pipelineArn, roleArn)]);
        Assert.Equal(0, targetsPut.FailedEntryCount);

        var targets = await session.EventBridge.ListAllTargetsByRuleAsync(name);
        Assert.Equal(new RuleTarget("codepipeline", pipelineArn, roleArn), targets.Single());

        var tags = await session.EventBridge.ListTagsForResourceAsync(put.RuleArn!);
        Assert.Contains(new EventBridgeTag("pipectl:stack", "itest"), tags.Tags!);
        await session.EventBridge.TagResourceAsync(put.RuleArn!, [new EventBridgeTag("team", "web")]);
        var retagged = await session.EventBridge.ListTagsForResourceAsync(put.RuleArn!);
        Assert.Equal(["pipectl:stack", "team"], retagged.Tags!.Select(t => t.Key).Order());

        var conflict = await Assert.ThrowsAsync<AwsDeleteConflictException>(() => session.EventBridge.DeleteRuleAsync(name));
        Assert.Equal("ValidationException", conflict.Code);

        var removed = await session.EventBridge.RemoveTargetsAsync(name, ["codepipeline"]);
        Assert.Equal(0, removed.FailedEntryCount);
        Assert.Empty(await session.EventBridge.ListAllTargetsByRuleAsync(name));

        await session.EventBridge.DeleteRuleAsync(name);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.EventBridge.DescribeRuleAsync(name));
    }

    /// <summary>
    /// Creates a role with raw IAM Query (moto accepts unsigned requests). moto's CreatePipeline accepts a role
    /// only when a trust statement's Principal.Service is the plain string "codepipeline.amazonaws.com".
    /// </summary>
    private async Task<string> CreateRoleAsync(string roleName, string service)
    {
        var trust = JsonSerializer.Serialize(new
        {
            Version = "2012-10-17",
            Statement = new[] { new { Effect = "Allow", Principal = new { Service = service }, Action = "sts:AssumeRole" } },
        });
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "CreateRole",
            ["Version"] = "2010-05-08",
            ["RoleName"] = roleName,
            ["AssumeRolePolicyDocument"] = trust,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{moto.Endpoint}/") { Content = form };
        // moto routes by the SigV4 scope; an unsigned request names the service in a dummy Authorization header.
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=x");
        using var reply = await http.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"CreateRole answered {(int)reply.StatusCode}: {text}");
        return $"arn:aws:iam::{Account}:role/{roleName}";
    }
}
