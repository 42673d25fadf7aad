using System.Text.Json;
using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

public sealed class CodeBuildWireTests
{
    private const string Arn = "arn:aws:codebuild:eu-west-2:123456789012:project/demo-build";
    private const string RoleArn = "arn:aws:iam::123456789012:role/demo-build-role";

    // Shaped like the CreateProject/BatchGetProjects examples of the CodeBuild API reference.
    private const string ProjectJson = """
        {"name":"demo-build","arn":"arn:aws:codebuild:eu-west-2:123456789012:project/demo-build","description":"Builds the demo site",
         "source":{"type":"CODEPIPELINE","buildspec":"buildspec.yml","gitCloneDepth":1,"insecureSsl":false},
         "artifacts":{"type":"CODEPIPELINE","name":"demo-build","packaging":"NONE","encryptionDisabled":false},
         "cache":{"type":"NO_CACHE"},
         "environment":{"type":"LINUX_CONTAINER","image":"aws/codebuild/standard:7.0","computeType":"BUILD_GENERAL1_SMALL",
           "environmentVariables":[{"name":"STAGE","value":"prod","type":"PLAINTEXT"}],"privilegedMode":false,"imagePullCredentialsType":"CODEBUILD"},
         "serviceRole":"arn:aws:iam::123456789012:role/demo-build-role","timeoutInMinutes":60,"queuedTimeoutInMinutes":480,
         "encryptionKey":"arn:aws:kms:eu-west-2:123456789012:alias/aws/s3",
         "tags":[{"key":"pipectl:stack","value":"demo"}],
         "created":1700000000.123,"lastModified":1700000100.5,"badge":{"badgeEnabled":false},
         "logsConfig":{"cloudWatchLogs":{"status":"ENABLED","groupName":"/aws/codebuild/demo-build"},"s3Logs":{"status":"DISABLED","encryptionDisabled":false}},
         "projectVisibility":"PRIVATE"}
        """;

    private static CreateProjectRequest Create() => new(
        "demo-build",
        new ProjectSource("CODEPIPELINE", Buildspec: "buildspec.yml", GitCloneDepth: 1),
        new ProjectArtifacts("CODEPIPELINE"),
        new ProjectEnvironment("LINUX_CONTAINER", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL", PrivilegedMode: false,
            EnvironmentVariables: [new CodeBuildEnvironmentVariable("STAGE", "prod", "PLAINTEXT")]),
        RoleArn,
        Description: "Builds the demo site",
        LogsConfig: new LogsConfig(new CloudWatchLogsConfig("ENABLED", "/aws/codebuild/demo-build")),
        Tags: [new CodeBuildTag("pipectl:stack", "demo")]);

    [Fact]
    public async Task CreateProject_sends_a_model_conforming_body_signed_for_codebuild()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"project":{{ProjectJson}}}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodeBuild.CreateProjectAsync(Create());

        var project = reply.Project!;
        Assert.Equal(Arn, project.Arn);
        Assert.Equal("demo-build", project.Name);
        Assert.Equal("aws/codebuild/standard:7.0", project.Environment!.Image);
        Assert.Equal("prod", project.Environment.EnvironmentVariables!.Single().Value);
        Assert.Equal("/aws/codebuild/demo-build", project.LogsConfig!.CloudWatchLogs!.GroupName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), project.Created);
        Assert.Equal(new CodeBuildTag("pipectl:stack", "demo"), project.Tags!.Single());
        Assert.Equal(60, project.TimeoutInMinutes);

        var request = server.LastRequest;
        ModelAssert.JsonRequestConforms("codebuild", "CreateProject", request);
        ModelAssert.SignedFor(request, "codebuild", "eu-west-2");
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(RoleArn, root.GetProperty("serviceRole").GetString());
        Assert.Equal("buildspec.yml", root.GetProperty("source").GetProperty("buildspec").GetString());
        Assert.Equal(1, root.GetProperty("source").GetProperty("gitCloneDepth").GetInt32());
        Assert.False(root.GetProperty("source").TryGetProperty("location", out _));
        Assert.False(root.GetProperty("artifacts").TryGetProperty("location", out _));
        Assert.False(root.GetProperty("environment").GetProperty("privilegedMode").GetBoolean());
        var variable = root.GetProperty("environment").GetProperty("environmentVariables")[0];
        Assert.Equal(("STAGE", "prod", "PLAINTEXT"), (variable.GetProperty("name").GetString(), variable.GetProperty("value").GetString(), variable.GetProperty("type").GetString()));
        Assert.Equal("ENABLED", root.GetProperty("logsConfig").GetProperty("cloudWatchLogs").GetProperty("status").GetString());
        Assert.Equal("pipectl:stack", root.GetProperty("tags")[0].GetProperty("key").GetString());
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task UpdateProject_conforms_and_reads_the_updated_project()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"project":{{ProjectJson}}}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodeBuild.UpdateProjectAsync(UpdateProjectRequest.From(Create()) with { Description = "Builds the demo site" });

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000100500), reply.Project!.LastModified);
        ModelAssert.JsonRequestConforms("codebuild", "UpdateProject", server.LastRequest);
        using var body = JsonDocument.Parse(server.LastRequest.Body);
        Assert.Equal("demo-build", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("BUILD_GENERAL1_SMALL", body.RootElement.GetProperty("environment").GetProperty("computeType").GetString());
    }

    [Fact]
    public async Task UpdateProject_with_only_a_name_sends_only_the_name()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"project":{{ProjectJson}}}"""));
        using var session = WireSession.For(server);

        await session.CodeBuild.UpdateProjectAsync(new UpdateProjectRequest("demo-build", Description: "new"));

        ModelAssert.JsonRequestConforms("codebuild", "UpdateProject", server.LastRequest);
        Assert.Equal("""{"name":"demo-build","description":"new"}""", server.LastRequest.BodyText);
    }

    [Fact]
    public async Task BatchGetProjects_reads_found_and_missing_projects()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"projects":[{{ProjectJson}}],"projectsNotFound":["gone"]}"""));
        using var session = WireSession.For(server);

        var reply = await session.CodeBuild.BatchGetProjectsAsync(["demo-build", "gone"]);

        Assert.Equal("demo-build", reply.Projects!.Single().Name);
        Assert.Equal("CODEPIPELINE", reply.Projects![0].Source!.Type);
        Assert.Equal(["gone"], reply.ProjectsNotFound!);
        ModelAssert.JsonRequestConforms("codebuild", "BatchGetProjects", server.LastRequest);
        Assert.Equal("""{"names":["demo-build","gone"]}""", server.LastRequest.BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task DeleteProject_conforms()
    {
        using var server = new WireServer().Reply(WireReply.Json("{}"));
        using var session = WireSession.For(server);

        await session.CodeBuild.DeleteProjectAsync("demo-build");

        ModelAssert.JsonRequestConforms("codebuild", "DeleteProject", server.LastRequest);
        Assert.Equal("""{"name":"demo-build"}""", server.LastRequest.BodyText);
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task Existing_project_is_a_typed_already_exists()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "ResourceAlreadyExistsException", $"Project already exists: {Arn}"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsResourceExistsException>(() => session.CodeBuild.CreateProjectAsync(Create()));

        Assert.Equal("ResourceAlreadyExistsException", e.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Role_not_yet_assumable_is_an_iam_propagation_error_and_not_retried_by_the_sdk()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "InvalidInputException", "CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::123456789012:role/x"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsIamPropagationException>(() => session.CodeBuild.CreateProjectAsync(Create()));

        Assert.Equal("InvalidInputException", e.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Other_invalid_input_is_a_validation_error()
    {
        using var server = new WireServer().Reply(WireReply.JsonError(400, "InvalidInputException", "Invalid compute type"));
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeBuild.CreateProjectAsync(Create()));

        Assert.Equal("Invalid compute type", e.Message);
    }

    [Theory]
    [InlineData("""{"name":"demo-build","source":{"type":"CODEPIPELINE"},"artifacts":{"type":"CODEPIPELINE"},"environment":{"type":"LINUX_CONTAINER","image":"i","computeType":"BUILD_GENERAL1_SMALL"}}""", "serviceRole: required")]
    [InlineData("""{"name":"demo-build","source":{"type":"CODEPIPELINE"},"artifacts":{"type":"CODEPIPELINE"},"environment":{"type":"LINUX_CONTAINER","image":"i","computeType":"BUILD_GENERAL1_SMALL"},"serviceRole":"r","tags":{"a":"b"}}""", "expected a list")]
    [InlineData("""{"name":"demo-build","source":{"type":"CODEPIPELINE"},"artifacts":{"type":"CODEPIPELINE"},"environment":{"type":"LINUX_CONTAINER","image":"i","computeType":"BUILD_GENERAL1_SMALL","privilegedMode":"false"},"serviceRole":"r"}""", "expected a boolean")]
    [InlineData("""{"Name":"demo-build","source":{"type":"CODEPIPELINE"},"artifacts":{"type":"CODEPIPELINE"},"environment":{"type":"LINUX_CONTAINER","image":"i","computeType":"BUILD_GENERAL1_SMALL"},"serviceRole":"r"}""", "not a member")]
    public void Model_check_rejects_a_wrong_CreateProject_body(string body, string expected)
    {
        var errors = BotocoreModels.Load("codebuild").ValidateJson("CreateProject", body);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
