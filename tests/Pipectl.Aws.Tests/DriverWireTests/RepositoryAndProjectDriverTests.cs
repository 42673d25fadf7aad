using System.Text;
using System.Text.Json;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// The repository driver, the seeder and the build project driver against the loopback server: the calls
/// moto lacks (GetBranch, CreateCommit, UpdateProject) and the retry behaviour live here.
/// </summary>
public sealed class RepositoryAndProjectDriverTests
{
    private const string CodeCommitPrefix = "CodeCommit_20150413.";
    private const string CodeBuildPrefix = "CodeBuild_20161006.";
    private const string ProjectName = "demo-build";
    private const string ProjectArn = "arn:aws:codebuild:eu-west-2:123456789012:project/demo-build";
    private const string RoleArn = "arn:aws:iam::123456789012:role/demo-codebuild-role";
    private const string CloneUrl = "https://git-codecommit.eu-west-2.amazonaws.com/v1/repos/demo";
    private const string PropagationMessage = "CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::123456789012:role/demo-codebuild-role";

    private static readonly Dictionary<string, string> StackTags = new() { ["pipectl:stack"] = "demo", ["pipectl:region"] = "eu-west-2" };

    private const string OwnTags = """[{"key":"pipectl:stack","value":"demo"},{"key":"pipectl:region","value":"eu-west-2"}]""";

    private static BuildProjectSpec Spec(string image = "aws/codebuild/standard:7.0") => new(
        ProjectName,
        "Builds demo for the demo pipeline (managed by pipectl)",
        "CODECOMMIT",
        CloneUrl,
        null,
        image,
        "BUILD_GENERAL1_SMALL",
        RoleArn,
        "/aws/codebuild/demo-build",
        StackTags);

    private static string ProjectJson(string image = "aws/codebuild/standard:7.0", string tags = OwnTags) => $$$"""
        {"name":"demo-build","arn":"{{{ProjectArn}}}","description":"Builds demo",
         "source":{"type":"CODECOMMIT","location":"{{{CloneUrl}}}","insecureSsl":false},
         "artifacts":{"type":"NO_ARTIFACTS"},
         "environment":{"type":"LINUX_CONTAINER","image":"{{{image}}}","computeType":"BUILD_GENERAL1_SMALL","privilegedMode":false,"imagePullCredentialsType":"CODEBUILD"},
         "serviceRole":"{{{RoleArn}}}","timeoutInMinutes":60,"queuedTimeoutInMinutes":480,
         "tags":{{{tags}}},
         "created":1700000000.123,"lastModified":1700000100.5,
         "logsConfig":{"cloudWatchLogs":{"status":"ENABLED","groupName":"/aws/codebuild/demo-build"} } }
        """;

    private static WireReply BranchMissing() => WireReply.JsonError(400, "BranchDoesNotExistException", "Branch 'main' does not exist in repository 'demo'.");

    private static WireReply BranchAt(string commit) => WireReply.Json($$"""{"branch":{"branchName":"main","commitId":"{{commit}}"} }""");

    private static IEnumerable<RecordedRequest> Calls(WireServer server, string target) => server.Requests.Where(r => r.Target?.EndsWith("." + target, StringComparison.Ordinal) == true);

    private static (BuildProjectDriver Driver, List<TimeSpan> Delays) ProjectDriver(AwsSession session)
    {
        var delays = new List<TimeSpan>();
        var propagation = new IamPropagation(SilentProgress.Instance, (wait, _) =>
        {
            lock (delays)
            {
                delays.Add(wait);
            }

            return Task.CompletedTask;
        }, jitter: () => 1.0);
        return (new BuildProjectDriver(session.CodeBuild, propagation), delays);
    }

    // ---- seeder ----

    [Fact]
    public async Task Seeder_leaves_an_existing_branch_alone_and_never_calls_CreateCommit()
    {
        using var server = new WireServer { Responder = r => r.Target == CodeCommitPrefix + "GetBranch" ? BranchAt("head-1") : WireReply.Json("""{"commitId":"WRONG","treeId":"t"}""") };
        using var session = WireSession.For(server);
        var seeder = new RepositorySeeder(session.CodeCommit);

        Assert.True(await seeder.BranchExistsAsync("demo", "main", CancellationToken.None));
        var commit = await seeder.SeedAsync("demo", "main", [new SeedFile("README.md", "# demo"u8.ToArray())], CancellationToken.None);

        Assert.Equal("head-1", commit);
        Assert.Empty(Calls(server, "CreateCommit"));
        Assert.Equal(2, Calls(server, "GetBranch").Count());
        ModelAssert.JsonRequestConforms("codecommit", "GetBranch", server.LastRequest);
        Assert.Equal("""{"repositoryName":"demo","branchName":"main"}""", server.LastRequest.BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task Seeder_makes_the_first_commit_without_a_parent_when_the_branch_is_missing()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target == CodeCommitPrefix + "GetBranch"
                ? BranchMissing()
                : WireReply.Json("""{"commitId":"first-commit","treeId":"tree-1","filesAdded":[{"absolutePath":"buildspec.yml","blobId":"b1","fileMode":"NORMAL"}]}"""),
        };
        using var session = WireSession.For(server);
        var seeder = new RepositorySeeder(session.CodeCommit);
        var buildspec = "version: 0.2\nphases:\n  build:\n    commands: [\"echo hi\"]\n"u8.ToArray();
        var page = Encoding.UTF8.GetBytes("<h1>héllo</h1>");

        Assert.False(await seeder.BranchExistsAsync("demo", "main", CancellationToken.None));
        var commit = await seeder.SeedAsync("demo", "main", [new SeedFile("buildspec.yml", buildspec), new SeedFile("site/index.html", page)], CancellationToken.None);

        Assert.Equal("first-commit", commit);
        var request = Assert.Single(Calls(server, "CreateCommit"));
        ModelAssert.JsonRequestConforms("codecommit", "CreateCommit", request);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("demo", root.GetProperty("repositoryName").GetString());
        Assert.Equal("main", root.GetProperty("branchName").GetString());
        Assert.False(root.TryGetProperty("parentCommitId", out _));
        Assert.Equal("Initial commit by pipectl", root.GetProperty("commitMessage").GetString());
        Assert.Equal("pipectl", root.GetProperty("authorName").GetString());
        var files = root.GetProperty("putFiles");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal("buildspec.yml", files[0].GetProperty("filePath").GetString());
        Assert.Equal(Convert.ToBase64String(buildspec), files[0].GetProperty("fileContent").GetString());
        Assert.Equal("site/index.html", files[1].GetProperty("filePath").GetString());
        Assert.Equal(page, Convert.FromBase64String(files[1].GetProperty("fileContent").GetString()!));
        Assert.Equal(1, session.Counter.Mutating);
    }

    [Fact]
    public async Task Seeder_reports_a_branch_that_appeared_meanwhile_as_its_head_without_failing()
    {
        var getBranchCalls = 0;
        using var server = new WireServer
        {
            Responder = r => r.Target == CodeCommitPrefix + "GetBranch"
                ? (Interlocked.Increment(ref getBranchCalls) == 1 ? BranchMissing() : BranchAt("their-commit"))
                : WireReply.JsonError(400, "ParentCommitIdRequiredException", "A parent commit ID is required. To view the full commit ID of a branch in a repository, use GetBranch or a Git command."),
        };
        using var session = WireSession.For(server);
        var seeder = new RepositorySeeder(session.CodeCommit);

        var commit = await seeder.SeedAsync("demo", "main", [new SeedFile("README.md", "# demo"u8.ToArray())], CancellationToken.None);

        Assert.Equal("their-commit", commit);
        Assert.Single(Calls(server, "CreateCommit"));
        Assert.Equal(2, getBranchCalls);
    }

    [Fact]
    public async Task Seeder_refuses_more_files_than_CodeCommit_takes_before_sending_anything()
    {
        using var server = new WireServer();
        using var session = WireSession.For(server);
        var seeder = new RepositorySeeder(session.CodeCommit);
        var files = Enumerable.Range(0, 101).Select(i => new SeedFile($"f{i}.txt", [1])).ToList();

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => seeder.SeedAsync("demo", "main", files, CancellationToken.None));

        Assert.Contains("101 files", e.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Seeder_names_a_file_over_6_MB_before_sending_anything()
    {
        using var server = new WireServer();
        using var session = WireSession.For(server);
        var seeder = new RepositorySeeder(session.CodeCommit);
        SeedFile[] files = [new("README.md", [1]), new("assets/video.mp4", new byte[(6 * 1024 * 1024) + 1])];

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => seeder.SeedAsync("demo", "main", files, CancellationToken.None));

        Assert.Contains("assets/video.mp4", e.Message);
        Assert.Empty(server.Requests);
    }

    // ---- repository driver ----

    [Fact]
    public async Task Repository_create_sends_description_and_tags_and_reads_back_after_a_lost_reply()
    {
        const string Metadata = """
            {"repositoryMetadata":{"accountId":"123456789012","repositoryId":"r-1","repositoryName":"demo","repositoryDescription":"Source of demo",
             "cloneUrlHttp":"https://git-codecommit.eu-west-2.amazonaws.com/v1/repos/demo","cloneUrlSsh":"ssh://git-codecommit.eu-west-2.amazonaws.com/v1/repos/demo",
             "Arn":"arn:aws:codecommit:eu-west-2:123456789012:demo","creationDate":1700000000.0,"lastModifiedDate":1700000000.0}}
            """;
        using var server = new WireServer
        {
            Responder = r => r.Target switch
            {
                CodeCommitPrefix + "CreateRepository" => WireReply.JsonError(400, "RepositoryNameExistsException", "Repository named demo already exists"),
                CodeCommitPrefix + "ListTagsForResource" => WireReply.Json("""{"tags":{"pipectl:stack":"demo","owner":"web"}}"""),
                _ => WireReply.Json(Metadata),
            },
        };
        using var session = WireSession.For(server);
        var driver = new RepositoryDriver(session.CodeCommit);

        var state = await driver.CreateAsync(new RepositorySpec("demo", "Source of demo", StackTags), CancellationToken.None);

        Assert.Equal(new RepositoryState("demo", "arn:aws:codecommit:eu-west-2:123456789012:demo", "Source of demo",
            "https://git-codecommit.eu-west-2.amazonaws.com/v1/repos/demo", "ssh://git-codecommit.eu-west-2.amazonaws.com/v1/repos/demo",
            state.Tags), state);
        Assert.Equal(new Dictionary<string, string> { ["pipectl:stack"] = "demo", ["owner"] = "web" }, state.Tags);
        var listTags = Assert.Single(Calls(server, "ListTagsForResource"));
        ModelAssert.JsonRequestConforms("codecommit", "ListTagsForResource", listTags);
        Assert.Equal("""{"resourceArn":"arn:aws:codecommit:eu-west-2:123456789012:demo"}""", listTags.BodyText);
        var create = Assert.Single(Calls(server, "CreateRepository"));
        ModelAssert.JsonRequestConforms("codecommit", "CreateRepository", create);
        Assert.Equal("""{"repositoryName":"demo","repositoryDescription":"Source of demo","tags":{"pipectl:stack":"demo","pipectl:region":"eu-west-2"}}""", create.BodyText);
        Assert.Single(Calls(server, "GetRepository"));
    }

    // ---- build project driver ----

    [Fact]
    public async Task Project_create_body_conforms_with_codecommit_source_no_artifacts_and_the_log_group()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"project":{{ProjectJson()}}}"""));
        using var session = WireSession.For(server);
        var (driver, _) = ProjectDriver(session);

        var state = await driver.CreateAsync(Spec(), CancellationToken.None);

        Assert.Equal(ProjectArn, state.Arn);
        Assert.Equal(CloneUrl, state.SourceLocation);
        Assert.Equal("/aws/codebuild/demo-build", state.LogGroupName);
        Assert.Equal("demo", state.Tags["pipectl:stack"]);
        Assert.Empty(Spec().DifferencesFrom(state));
        var request = Assert.Single(server.Requests);
        ModelAssert.JsonRequestConforms("codebuild", "CreateProject", request);
        ModelAssert.SignedFor(request, "codebuild", "eu-west-2");
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(ProjectName, root.GetProperty("name").GetString());
        Assert.Equal("CODECOMMIT", root.GetProperty("source").GetProperty("type").GetString());
        Assert.Equal(CloneUrl, root.GetProperty("source").GetProperty("location").GetString());
        Assert.False(root.GetProperty("source").TryGetProperty("buildspec", out _));
        // AWS refuses CODECOMMIT with CODEPIPELINE artifacts; NO_ARTIFACTS takes no location.
        Assert.Equal("""{"type":"NO_ARTIFACTS"}""", root.GetProperty("artifacts").GetRawText());
        var environment = root.GetProperty("environment");
        Assert.False(environment.GetProperty("privilegedMode").GetBoolean());
        Assert.Equal(("LINUX_CONTAINER", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL"),
            (environment.GetProperty("type").GetString(), environment.GetProperty("image").GetString(), environment.GetProperty("computeType").GetString()));
        Assert.Equal(RoleArn, root.GetProperty("serviceRole").GetString());
        var logs = root.GetProperty("logsConfig").GetProperty("cloudWatchLogs");
        Assert.Equal(("ENABLED", "/aws/codebuild/demo-build"), (logs.GetProperty("status").GetString(), logs.GetProperty("groupName").GetString()));
        Assert.Equal(
            [("pipectl:stack", "demo"), ("pipectl:region", "eu-west-2")],
            root.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("key").GetString(), t.GetProperty("value").GetString())));
        Assert.Equal("Builds demo for the demo pipeline (managed by pipectl)", root.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Project_create_with_a_codepipeline_source_and_inline_buildspec_sends_no_location_for_source_or_artifacts()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"project":{{ProjectJson()}}}"""));
        using var session = WireSession.For(server);
        var (driver, _) = ProjectDriver(session);
        var spec = Spec() with { SourceType = "CODEPIPELINE", SourceLocation = null, Buildspec = "version: 0.2\nphases:\n  build:\n    commands: [\"npm ci\"]\n" };

        await driver.CreateAsync(spec, CancellationToken.None);

        ModelAssert.JsonRequestConforms("codebuild", "CreateProject", server.LastRequest);
        using var body = JsonDocument.Parse(server.LastRequest.Body);
        var source = body.RootElement.GetProperty("source");
        Assert.Equal("CODEPIPELINE", source.GetProperty("type").GetString());
        Assert.False(source.TryGetProperty("location", out _));
        Assert.Equal(spec.Buildspec, source.GetProperty("buildspec").GetString());
        Assert.Equal("""{"type":"CODEPIPELINE"}""", body.RootElement.GetProperty("artifacts").GetRawText());
    }

    [Fact]
    public async Task Project_create_sends_the_Lambda_environment_type_and_privileged_mode_the_spec_asks_for()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"project":{{ProjectJson()}}}"""), WireReply.Json($$"""{"project":{{ProjectJson()}}}"""));
        using var session = WireSession.For(server);
        var (driver, _) = ProjectDriver(session);

        await driver.CreateAsync(Spec("aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20") with { ComputeType = "BUILD_LAMBDA_1GB" }, CancellationToken.None);
        var lambda = JsonDocument.Parse(server.LastRequest.Body).RootElement.GetProperty("environment");
        await driver.CreateAsync(Spec("aws/codebuild/amazonlinux-aarch64-standard:3.0") with { Privileged = true }, CancellationToken.None);
        var arm = JsonDocument.Parse(server.LastRequest.Body).RootElement.GetProperty("environment");

        ModelAssert.JsonRequestConforms("codebuild", "CreateProject", server.LastRequest);
        Assert.Equal(("LINUX_LAMBDA_CONTAINER", "BUILD_LAMBDA_1GB", false), (lambda.GetProperty("type").GetString(), lambda.GetProperty("computeType").GetString(), lambda.GetProperty("privilegedMode").GetBoolean()));
        Assert.Equal(("ARM_CONTAINER", true), (arm.GetProperty("type").GetString(), arm.GetProperty("privilegedMode").GetBoolean()));
    }

    [Fact]
    public async Task Project_create_is_retried_while_IAM_propagates_the_role_and_then_succeeds()
    {
        using var server = new WireServer().Reply(
            WireReply.JsonError(400, "InvalidInputException", PropagationMessage),
            WireReply.Json($$"""{"project":{{ProjectJson()}}}"""));
        using var session = WireSession.For(server);
        var (driver, delays) = ProjectDriver(session);

        var state = await driver.CreateAsync(Spec(), CancellationToken.None);

        Assert.Equal(ProjectArn, state.Arn);
        var creates = Calls(server, "CreateProject").ToList();
        Assert.Equal(2, creates.Count);
        Assert.Equal(creates[0].BodyText, creates[1].BodyText);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([IamPropagation.MaxStep], delays);
    }

    [Fact]
    public async Task Project_create_does_not_retry_another_invalid_input()
    {
        using var server = new WireServer().Reply(
            WireReply.JsonError(400, "InvalidInputException", "Invalid compute type provided: BUILD_GENERAL1_HUGE"),
            WireReply.Json($$"""{"project":{{ProjectJson()}}}"""));
        using var session = WireSession.For(server);
        var (driver, delays) = ProjectDriver(session);

        var e = await Assert.ThrowsAsync<AwsValidationException>(() => driver.CreateAsync(Spec(), CancellationToken.None));

        Assert.Equal("InvalidInputException", e.Code);
        Assert.Single(server.Requests);
        Assert.Empty(delays);
    }

    [Fact]
    public async Task Project_that_exists_after_a_lost_reply_is_read_back_and_updated_when_it_differs()
    {
        using var server = new WireServer().Reply(
            WireReply.JsonError(400, "ResourceAlreadyExistsException", $"Project already exists: {ProjectArn}"),
            WireReply.Json($$"""{"projects":[{{ProjectJson(image: "aws/codebuild/standard:6.0", tags: OwnTags)}}]}"""),
            WireReply.Json($$"""{"project":{{ProjectJson()}}}"""));
        using var session = WireSession.For(server);
        var (driver, _) = ProjectDriver(session);

        var state = await driver.CreateAsync(Spec(), CancellationToken.None);

        Assert.Equal("aws/codebuild/standard:7.0", state.Image);
        Assert.Equal(
            [CodeBuildPrefix + "CreateProject", CodeBuildPrefix + "BatchGetProjects", CodeBuildPrefix + "UpdateProject"],
            server.Requests.Select(r => r.Target));
        ModelAssert.JsonRequestConforms("codebuild", "UpdateProject", server.LastRequest);
    }

    [Fact]
    public async Task Project_read_is_null_when_the_project_is_missing_even_without_projectsNotFound()
    {
        using var server = new WireServer().Reply(WireReply.Json("""{"projects":[]}"""), WireReply.Json($$"""{"projects":[{{ProjectJson()}}]}"""));
        using var session = WireSession.For(server);
        var (driver, _) = ProjectDriver(session);

        Assert.Null(await driver.ReadAsync(Spec(), CancellationToken.None));
        var found = await driver.ReadAsync(Spec(), CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(new BuildProjectState(ProjectName, ProjectArn, "CODECOMMIT", CloneUrl, null, "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL",
            RoleArn, "/aws/codebuild/demo-build", found.Tags)
        {
            EnvironmentVariables = found.EnvironmentVariables,
            ArtifactsType = "NO_ARTIFACTS",
            EnvironmentType = "LINUX_CONTAINER",
        }, found);
        Assert.Empty(found.EnvironmentVariables);
        Assert.Equal("demo", found.Tags["pipectl:stack"]);
        ModelAssert.JsonRequestConforms("codebuild", "BatchGetProjects", server.LastRequest);
        Assert.Equal("""{"names":["demo-build"]}""", server.LastRequest.BodyText);
        Assert.Equal(0, session.Counter.Mutating);
    }

    [Fact]
    public async Task Project_update_sends_the_full_settings_with_the_new_image_and_merged_tags()
    {
        using var server = new WireServer().Reply(WireReply.Json($$"""{"project":{{ProjectJson(image: "aws/codebuild/standard:8.0")}}}"""));
        using var session = WireSession.For(server);
        var (driver, _) = ProjectDriver(session);
        var desired = Spec(image: "aws/codebuild/standard:8.0");
        var actual = new BuildProjectState(ProjectName, ProjectArn, "CODECOMMIT", CloneUrl, null, "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL",
            RoleArn, "/aws/codebuild/demo-build", new Dictionary<string, string> { ["team"] = "web" });

        var state = await driver.UpdateAsync(desired, actual, desired.DifferencesFrom(actual), CancellationToken.None);

        Assert.Equal("aws/codebuild/standard:8.0", state.Image);
        var request = Assert.Single(server.Requests);
        ModelAssert.JsonRequestConforms("codebuild", "UpdateProject", request);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(ProjectName, root.GetProperty("name").GetString());
        Assert.Equal("aws/codebuild/standard:8.0", root.GetProperty("environment").GetProperty("image").GetString());
        Assert.Equal(CloneUrl, root.GetProperty("source").GetProperty("location").GetString());
        Assert.Equal(RoleArn, root.GetProperty("serviceRole").GetString());
        Assert.Equal("/aws/codebuild/demo-build", root.GetProperty("logsConfig").GetProperty("cloudWatchLogs").GetProperty("groupName").GetString());
        Assert.Equal(
            [("team", "web"), ("pipectl:stack", "demo"), ("pipectl:region", "eu-west-2")],
            root.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("key").GetString(), t.GetProperty("value").GetString())));
    }

    [Fact]
    public async Task Project_update_is_retried_while_IAM_propagates_a_new_service_role()
    {
        using var server = new WireServer().Reply(
            WireReply.JsonError(400, "InvalidInputException", PropagationMessage),
            WireReply.JsonError(400, "InvalidInputException", PropagationMessage),
            WireReply.Json($$"""{"project":{{ProjectJson(image: "aws/codebuild/standard:8.0")}}}"""));
        using var session = WireSession.For(server);
        var (driver, delays) = ProjectDriver(session);
        var desired = Spec(image: "aws/codebuild/standard:8.0");
        var actual = new BuildProjectState(ProjectName, ProjectArn, "CODECOMMIT", CloneUrl, null, "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL",
            RoleArn, "/aws/codebuild/demo-build", StackTags);

        var state = await driver.UpdateAsync(desired, actual, desired.DifferencesFrom(actual), CancellationToken.None);

        Assert.Equal("aws/codebuild/standard:8.0", state.Image);
        Assert.Equal(3, Calls(server, "UpdateProject").Count());
        Assert.Equal([IamPropagation.MaxStep, IamPropagation.MaxStep], delays);
    }
}
