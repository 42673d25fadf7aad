using System.Text.Json;
using Pipectl.Cli.Hosting;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// <c>--deploy ecs</c> end to end against moto, with a cluster and service made beforehand: the ECR repository,
/// the privileged build with its variables, the ECS deploy stage and the roles' statements; a rerun that changes
/// nothing; a missing service refused before the first write; and a teardown that keeps a repository holding
/// images unless told --delete-images.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class EcsDeployTests(MotoServer moto)
{
    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    private static Dictionary<string, JsonElement> Resources(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}", r => r);

    private static string[] EcsArgs(string stack, string cluster, string service) =>
        ["--name", stack, "--deploy", "ecs", "--ecs-cluster", cluster, "--ecs-service", service, "--container-name", "web"];

    private static JsonElement Statement(JsonElement role, string sid) =>
        role.GetProperty("desired").GetProperty("inlinePolicies").EnumerateObject().Single().Value.GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Sid").GetString() == sid);

    private static IEnumerable<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!) : [value.GetString()!];

    [Fact]
    public async Task Bootstrap_creates_the_repository_the_ECS_stage_and_the_role_statements_converges_and_teardown_keeps_a_repository_with_images()
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        var cluster = stack + "-cluster";
        var service = stack + "-svc";
        await EcsFixture.CreateServiceAsync(moto, cluster, service, "web");

        var first = await Pipectl(["bootstrap", .. EcsArgs(stack, cluster, service), "--ecr-keep-images", "12"]);

        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var created = Resources(first);
        Assert.Equal("created", created[$"AWS::ECR::Repository {stack}"].GetProperty("action").GetString());
        Assert.Equal("unchanged", created[$"AWS::ECS::Service {service}"].GetProperty("action").GetString());
        Assert.DoesNotContain(created.Keys, k => k.Contains("-site-", StringComparison.Ordinal));
        Assert.Equal($"{EcsFixture.Account}.dkr.ecr.us-east-1.amazonaws.com/{stack}", first.Json.GetProperty("outputs").GetProperty("ecrRepositoryUri").GetString());
        Assert.False(first.Json.GetProperty("outputs").TryGetProperty("websiteUrl", out _));

        using (var session = TestSessions.For(moto))
        {
            var project = (await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-build"])).Projects!.Single();
            Assert.True(project.Environment!.PrivilegedMode);
            var variables = project.Environment.EnvironmentVariables!.ToDictionary(v => v.Name, v => v.Value);
            Assert.Equal($"{EcsFixture.Account}.dkr.ecr.us-east-1.amazonaws.com/{stack}", variables["REPOSITORY_URI"]);
            Assert.Equal(("web", EcsFixture.Account, "us-east-1"), (variables["CONTAINER_NAME"], variables["AWS_ACCOUNT_ID"], variables["AWS_DEFAULT_REGION"]));
            var deploy = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Single(s => s.Name == "Deploy").Actions!.Single();
            Assert.Equal("ECS", deploy.ActionTypeId!.Provider);
            Assert.Equal(cluster, deploy.Configuration!["ClusterName"]);
            Assert.Equal(service, deploy.Configuration["ServiceName"]);
            Assert.Equal("imagedefinitions.json", deploy.Configuration["FileName"]);
            var repository = await session.Ecr.DescribeRepositoryAsync(stack);
            Assert.True(repository!.ImageScanningConfiguration!.ScanOnPush);
            var tags = (await session.Ecr.ListTagsForResourceAsync(repository.RepositoryArn!)).Tags!.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal((stack, "us-east-1"), (tags["pipectl:stack"], tags["pipectl:region"]));
            using var lifecycle = JsonDocument.Parse((await session.Ecr.GetLifecyclePolicyAsync(stack)).LifecyclePolicyText!);
            Assert.Equal(12, lifecycle.RootElement.GetProperty("rules")[0].GetProperty("selection").GetProperty("countNumber").GetInt32());
        }

        var buildRole = created[$"AWS::IAM::Role {stack}-codebuild-role"];
        Assert.Equal([$"arn:aws:ecr:us-east-1:{EcsFixture.Account}:repository/{stack}"], Strings(Statement(buildRole, "PushImage").GetProperty("Resource")));
        Assert.Equal(["*"], Strings(Statement(buildRole, "EcrLoginAwsGrantsOnlyOnWildcard").GetProperty("Resource")));
        var deployRole = created[$"AWS::IAM::Role {stack}-deploy-role"];
        Assert.Equal([$"arn:aws:ecs:us-east-1:{EcsFixture.Account}:service/{cluster}/{service}"], Strings(Statement(deployRole, "UpdateService").GetProperty("Resource")));
        Assert.Equal(["*"], Strings(Statement(deployRole, "EcsTaskDefinitionsTakeNoResourceArn").GetProperty("Resource")));
        var passRole = Statement(deployRole, "PassTaskRolesToEcsTasks");
        Assert.Equal([EcsFixture.ExecutionRole(service), EcsFixture.TaskRole(service)], Strings(passRole.GetProperty("Resource")).Order(StringComparer.Ordinal));
        Assert.Equal("ecs-tasks.amazonaws.com", passRole.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PassedToService").GetString());

        var again = await Pipectl(["bootstrap", .. EcsArgs(stack, cluster, service), "--ecr-keep-images", "12"]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.All(Resources(again), r => Assert.True(r.Value.GetProperty("action").GetString() == "unchanged", $"{r.Key}: {r.Value}"));
        Assert.Equal(0, again.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        var widerPlan = await Pipectl(["plan", .. EcsArgs(stack, cluster, service), "--ecr-keep-images", "20"]);
        var repositoryPlan = Resources(widerPlan)[$"AWS::ECR::Repository {stack}"];
        Assert.Equal("would-update", repositoryPlan.GetProperty("action").GetString());
        var change = repositoryPlan.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("lifecycle policy", "changed"), (change.GetProperty("attribute").GetString(), change.GetProperty("kind").GetString()));
        Assert.Equal(20, change.GetProperty("after").GetProperty("rules")[0].GetProperty("selection").GetProperty("countNumber").GetInt32());
        var updated = await Pipectl(["bootstrap", .. EcsArgs(stack, cluster, service), "--ecr-keep-images", "20"]);
        Assert.Equal("updated", Resources(updated)[$"AWS::ECR::Repository {stack}"].GetProperty("action").GetString());
        // The lifecycle policy, and the stack's record of the new setting (PutParameter).
        Assert.Equal(2, updated.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        await EcsFixture.PushImageAsync(moto, stack, "abc1234");
        var planKept = await Pipectl(["teardown", .. EcsArgs(stack, cluster, service), "--yes", "--dry-run"]);
        var planDeleted = await Pipectl(["teardown", .. EcsArgs(stack, cluster, service), "--yes", "--dry-run", "--delete-images"]);
        Assert.Equal("kept", Resources(planKept)[$"AWS::ECR::Repository {stack}"].GetProperty("action").GetString());
        Assert.Equal("would-delete", Resources(planDeleted)[$"AWS::ECR::Repository {stack}"].GetProperty("action").GetString());
        Assert.Equal(0, planDeleted.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        var kept = await Pipectl(["teardown", .. EcsArgs(stack, cluster, service), "--yes"]);
        Assert.True(kept.ExitCode == 0, kept.Stderr + kept.Stdout);
        var repositoryKept = Resources(kept)[$"AWS::ECR::Repository {stack}"];
        Assert.Equal("kept", repositoryKept.GetProperty("action").GetString());
        Assert.Equal("it holds 1 image, which a teardown keeps; run teardown --delete-images to delete them with it", repositoryKept.GetProperty("note").GetString());
        Assert.Equal("kept", Resources(kept)[$"AWS::ECS::Service {service}"].GetProperty("action").GetString());

        var removed = await Pipectl(["teardown", .. EcsArgs(stack, cluster, service), "--yes", "--delete-images"]);
        Assert.True(removed.ExitCode == 0, removed.Stderr + removed.Stdout);
        Assert.Equal("deleted", Resources(removed)[$"AWS::ECR::Repository {stack}"].GetProperty("action").GetString());
        using (var session = TestSessions.For(moto))
        {
            Assert.Equal("ACTIVE", (await session.Ecs.DescribeServicesAsync(cluster, service)).Services!.Single().Status);
        }
    }

    [Fact]
    public async Task A_teardown_given_only_the_name_finds_the_ECS_deploy_and_deletes_the_empty_repository()
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        await EcsFixture.CreateServiceAsync(moto, stack + "-c", stack + "-s", "web");
        var made = await Pipectl(["bootstrap", .. EcsArgs(stack, stack + "-c", stack + "-s"), "--ecr-repository", $"team/{stack}"]);
        Assert.True(made.ExitCode == 0, made.Stderr);

        var removed = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(removed.ExitCode == 0, removed.Stderr);
        var resources = Resources(removed);
        Assert.Equal("deleted", resources[$"AWS::ECR::Repository team/{stack}"].GetProperty("action").GetString());
        Assert.Equal("kept", resources[$"AWS::ECS::Service {stack}-s"].GetProperty("action").GetString());
        Assert.DoesNotContain(resources.Keys, k => k.Contains("-site-", StringComparison.Ordinal));
        Assert.All(resources.Where(r => r.Key.StartsWith("AWS::IAM::Role", StringComparison.Ordinal)), r => Assert.Equal("deleted", r.Value.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task The_teardown_question_says_the_images_go_only_with_delete_images()
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        await EcsFixture.CreateServiceAsync(moto, stack + "-c", stack + "-s", "web");
        Assert.Equal(0, (await Pipectl(["create-build", .. EcsArgs(stack, stack + "-c", stack + "-s")])).ExitCode);
        await EcsFixture.PushImageAsync(moto, stack, "v1");

        async Task<string> AskAsync(params string[] extra)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var terminal = new CliConsole(stdout, stderr, IsTerminal: false, UseColor: false, StdinIsTerminal: true, new StringReader("no\n"));
            string[] args = ["teardown", .. EcsArgs(stack, stack + "-c", stack + "-s"), .. extra, "--endpoint-url", moto.Endpoint, "--region", "us-east-1"];
            Assert.Equal(1, await CliApp.RunAsync(args, terminal, CancellationToken.None));
            return stderr.ToString();
        }

        var plain = await AskAsync();
        var withImages = await AskAsync("--delete-images");

        Assert.DoesNotContain($"ECR repository {stack}: every image in it will be deleted", plain, StringComparison.Ordinal);
        Assert.Contains("--delete-images", plain, StringComparison.Ordinal);
        Assert.Contains($"ECR repository {stack}: every image in it will be deleted", withImages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task", "*", "holds a wildcard")]
    [InlineData("task", "arn:aws:iam::123456789012:role/*", "holds a wildcard")]
    [InlineData("task", "arn:aws:iam::999999999999:role/Admin", "is not a role of account 123456789012")]
    [InlineData("exec", "arn:aws:iam::999999999999:role/Admin", "is not a role of account 123456789012")]
    [InlineData("task", "arn:aws-cn:iam::123456789012:role/x", "is not a role of account 123456789012 (partition aws)")]
    [InlineData("task", "arn:aws:iam::123456789012:user/x", "is not an IAM role ARN")]
    [InlineData("task", "arn:aws:iam::123456789012:role/bad name", "is not an IAM role ARN")]
    [InlineData("family", "fam*", "holds a wildcard")]
    public async Task A_hostile_value_read_from_ECS_is_refused_naming_it_and_where_it_came_from_with_nothing_written(string field, string value, string problem)
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        var service = stack + "-s";
        await EcsFixture.CreateServiceAsync(
            moto,
            stack + "-c",
            service,
            "web",
            field == "family" ? value : service,
            field == "task" ? value : EcsFixture.TaskRole(service),
            field == "exec" ? value : EcsFixture.ExecutionRole(service));

        var run = await Pipectl(["bootstrap", .. EcsArgs(stack, stack + "-c", service)]);

        Assert.Equal(1, run.ExitCode);
        var message = run.Json.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains(value, message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.Contains(field == "family" ? "(DescribeServices)" : "(DescribeTaskDefinition)", message, StringComparison.Ordinal);
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }

    [Fact]
    public async Task A_missing_service_or_cluster_is_refused_after_the_reads_with_nothing_written()
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        await EcsFixture.CreateServiceAsync(moto, stack + "-c", stack + "-s", "web");

        var noService = await Pipectl(["bootstrap", .. EcsArgs(stack, stack + "-c", "absent")]);
        var noCluster = await Pipectl(["bootstrap", .. EcsArgs(stack, "absent-cluster", stack + "-s")]);
        var noContainer = await Pipectl(["bootstrap", "--name", stack, "--deploy", "ecs", "--ecs-cluster", stack + "-c", "--ecs-service", stack + "-s", "--container-name", "api"]);

        Assert.Equal(1, noService.ExitCode);
        Assert.Contains("ECS service absent does not exist or is not ACTIVE", noService.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, noCluster.ExitCode);
        Assert.Contains("ECS cluster absent-cluster does not exist", noCluster.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, noContainer.ExitCode);
        Assert.Contains("has no container named api (it has web)", noContainer.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.All([noService, noCluster, noContainer], run => Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32()));
    }

    [Fact]
    public async Task The_plan_shows_the_two_wildcard_exceptions_and_the_task_roles_without_writing()
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        await EcsFixture.CreateServiceAsync(moto, stack + "-c", stack + "-s", "web");

        var plan = await Pipectl(["plan", .. EcsArgs(stack, stack + "-c", stack + "-s")]);

        Assert.True(plan.ExitCode == 0, plan.Stderr);
        var resources = Resources(plan);
        Assert.Equal("would-create", resources[$"AWS::ECR::Repository {stack}"].GetProperty("action").GetString());
        var wildcards = resources.Values.Where(r => r.GetProperty("type").GetString() == "AWS::IAM::Role")
            .SelectMany(r => r.GetProperty("desired").GetProperty("inlinePolicies").EnumerateObject().SelectMany(p => p.Value.GetProperty("Statement").EnumerateArray()))
            .Where(s => Strings(s.GetProperty("Resource")).Contains("*"))
            .Select(s => s.GetProperty("Sid").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["EcrLoginAwsGrantsOnlyOnWildcard", "EcsTaskDefinitionsTakeNoResourceArn"], wildcards);
        Assert.Contains(EcsFixture.TaskRole(stack + "-s"), Strings(Statement(resources[$"AWS::IAM::Role {stack}-deploy-role"], "PassTaskRolesToEcsTasks").GetProperty("Resource")));
        Assert.Equal(0, plan.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }

    [Fact]
    public async Task A_task_definition_moved_to_other_roles_outside_pipectl_is_shown_by_the_dry_run_with_the_bootstrap_that_fixes_it()
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        var (cluster, service) = (stack + "-c", stack + "-s");
        await EcsFixture.CreateServiceAsync(moto, cluster, service, "web");
        var first = await Pipectl(["bootstrap", .. EcsArgs(stack, cluster, service)]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var moved = $"arn:aws:iam::{EcsFixture.Account}:role/{stack}-task-v2";
        await EcsFixture.MoveToTaskRoleAsync(moto, cluster, service, "web", moved);

        var dryRun = await Pipectl(["bootstrap", "--dry-run", .. EcsArgs(stack, cluster, service)]);
        var fixedRun = await Pipectl(["bootstrap", .. EcsArgs(stack, cluster, service)]);
        var after = await Pipectl(["bootstrap", "--dry-run", .. EcsArgs(stack, cluster, service)]);

        Assert.True(dryRun.ExitCode == 0, dryRun.Stderr);
        var role = Resources(dryRun)[$"AWS::IAM::Role {stack}-deploy-role"];
        Assert.Equal("would-update", role.GetProperty("action").GetString());
        Assert.Contains("`pipectl bootstrap` updates the deploy role", role.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains(moved, Strings(Statement(role, "PassTaskRolesToEcsTasks").GetProperty("Resource")));
        Assert.Equal(0, dryRun.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        Assert.True(fixedRun.ExitCode == 0, fixedRun.Stderr);
        Assert.Equal("unchanged", Resources(after)[$"AWS::IAM::Role {stack}-deploy-role"].GetProperty("action").GetString());
        Assert.Equal(0, (await Pipectl(["teardown", .. EcsArgs(stack, cluster, service), "--yes"])).ExitCode);
    }

    [Fact]
    public async Task The_ecs_app_sample_plans_against_its_service_and_validates()
    {
        await EcsFixture.CreateServiceAsync(moto, "ecs-app", "ecs-app-web", "web");
        var sample = Authoring.RepositoryRoot.Of("samples/ecs-app/pipectl.yaml");

        var plan = await Pipectl("plan", "-f", sample);
        var validate = await CliRun.RunAsync("validate", sample, Authoring.RepositoryRoot.Of("samples/ecs-app/buildspec.yml"));

        Assert.True(plan.ExitCode == 0, plan.Stderr);
        var resources = Resources(plan);
        Assert.Equal("would-create", resources["AWS::ECR::Repository ecs-app"].GetProperty("action").GetString());
        Assert.Equal("web", resources["AWS::ECS::Service ecs-app-web"].GetProperty("desired").GetProperty("containerName").GetString());
        Assert.Contains(EcsFixture.TaskRole("ecs-app-web"), Strings(Statement(resources["AWS::IAM::Role ecs-app-deploy-role"], "PassTaskRolesToEcsTasks").GetProperty("Resource")));
        Assert.Equal(20, resources["AWS::ECR::Repository ecs-app"].GetProperty("desired").GetProperty("lifecyclePolicy").GetProperty("rules")[0].GetProperty("selection").GetProperty("countNumber").GetInt32());
        Assert.Equal(0, validate.ExitCode);
    }

    [Fact]
    public async Task Export_declares_a_container_deploy_and_asks_for_the_services_roles_as_parameters()
    {
        var run = await CliRun.RunAsync("export", "--name", "demo", "--deploy", "ecs", "--ecs-cluster", "prod", "--ecs-service", "web");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Type: AWS::ECR::Repository", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("EcsTaskRoleArn:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("EcsExecutionRoleArn:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("${EcsTaskRoleArn}", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task A_repository_of_the_name_that_is_not_the_stacks_is_refused_before_the_first_write()
    {
        var stack = "ecs" + Guid.NewGuid().ToString("N")[..8];
        await EcsFixture.CreateServiceAsync(moto, stack + "-c", stack + "-s", "web");
        await EcsFixture.CreateRepositoryAsync(moto, stack);

        var run = await Pipectl(["bootstrap", .. EcsArgs(stack, stack + "-c", stack + "-s")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"AWS::ECR::Repository {stack} already exists and was not created by pipectl", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }
}
