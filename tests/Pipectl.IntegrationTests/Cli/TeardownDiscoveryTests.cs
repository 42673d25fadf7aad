using Amazon.S3.Model;
using Pipectl.Aws.Errors;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Lifecycle;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// <c>teardown --name X</c> finds the stack by its ownership tags (the Resource Groups Tagging API, which the
/// launcher's moto answers for every type pipectl makes): every environment and every part made under options not
/// given now, and nothing of another stack whose name starts the same.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class TeardownDiscoveryTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private static string UniqueStack() => "fd" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    private static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    private static int Mutating(CliRun run) => run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32();

    private static int Operations(CliRun run, string operation) =>
        run.Json.GetProperty("apiCalls").GetProperty("operations").TryGetProperty(operation, out var count) ? count.GetInt32() : 0;

    [Fact]
    public async Task Teardown_given_only_the_name_deletes_a_GitHub_stacks_connection()
    {
        var stack = UniqueStack();
        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--source", "github:octo/site");
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        var arn = bootstrap.Json.GetProperty("outputs").GetProperty("connectionArn").GetString()!;

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal("deleted", Actions(teardown)[$"AWS::CodeConnections::Connection {arn}"]);
        Assert.Equal(1, Operations(teardown, "DeleteConnection"));
        Assert.Equal(1, Operations(teardown, "GetResources"));
        using var session = TestSessions.For(moto);
        Assert.Null(await session.CodeConnections.FindConnectionAsync($"{stack}-github", "GitHub"));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync($"{stack}-pipeline"));
    }

    [Fact]
    public async Task Teardown_given_only_the_name_deletes_the_artifact_bucket_given_by_option_and_nothing_of_a_stack_named_like_it()
    {
        var stack = UniqueStack();
        var bucket = $"{stack}-own-artifacts";
        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--artifact-bucket", bucket);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        var neighbour = await Pipectl("bootstrap", "--name", $"{stack}-x");
        Assert.True(neighbour.ExitCode == 0, neighbour.Stderr);
        using var session = TestSessions.For(moto);
        var untagged = $"{stack}-x-untagged";
        await session.S3.PutBucketAsync(new PutBucketRequest { BucketName = untagged });

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        var actions = Actions(teardown);
        Assert.Equal("deleted", actions[$"AWS::S3::Bucket {bucket}"]);
        Assert.DoesNotContain(actions.Keys, k => k.Contains($"{stack}-x", StringComparison.Ordinal));
        var buckets = ((await session.S3.ListBucketsAsync()).Buckets ?? []).Select(b => b.BucketName).ToList();
        Assert.DoesNotContain(bucket, buckets);
        Assert.Contains(untagged, buckets);
        Assert.Contains($"{stack}-x-artifacts-{Account}-us-east-1", buckets);
        Assert.NotNull((await session.CodePipeline.GetPipelineAsync($"{stack}-x-pipeline")).Pipeline);
        Assert.True((await Pipectl("teardown", "--name", $"{stack}-x", "--yes")).ExitCode == 0);
    }

    [Fact]
    public async Task Delete_images_works_with_the_name_alone_after_a_teardown_kept_the_repository()
    {
        var stack = UniqueStack();
        var (cluster, service) = ($"{stack}-cl", $"{stack}-svc");
        await EcsFixture.CreateServiceAsync(moto, cluster, service, stack);
        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--deploy", "ecs", "--ecs-cluster", cluster, "--ecs-service", service);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        await EcsFixture.PushImageAsync(moto, stack, "abc1234");

        var first = await Pipectl("teardown", "--name", stack, "--yes");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal("kept", Actions(first)[$"AWS::ECR::Repository {stack}"]);
        using var session = TestSessions.For(moto);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync($"{stack}-pipeline"));

        // The pipeline that named the ECS deploy is gone: only the repository's tags still say it is the stack's.
        var second = await Pipectl("teardown", "--name", stack, "--yes", "--delete-images");

        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal("deleted", Actions(second)[$"AWS::ECR::Repository {stack}"]);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Ecr.DescribeRepositoryAsync(stack));
    }

    [Fact]
    public async Task Teardown_given_the_name_finds_every_environment_and_with_env_only_that_one()
    {
        var stack = UniqueStack();
        using var folder = new TempFolder();
        var file = folder.Write("pipectl.yaml", $"name: {stack}\nenvironments:\n  staging:\n    branch: main\n  production:\n    branch: release\n");
        var bootstrap = await Pipectl("bootstrap", "-f", file);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        using var session = TestSessions.For(moto);

        var staging = await Pipectl("teardown", "--name", stack, "--env", "staging", "--yes");

        Assert.True(staging.ExitCode == 0, staging.Stderr);
        var stagingActions = Actions(staging);
        Assert.Equal("deleted", stagingActions[$"AWS::CodePipeline::Pipeline {stack}-staging-pipeline"]);
        Assert.DoesNotContain(stagingActions.Keys, k => k.Contains("production", StringComparison.Ordinal));
        Assert.DoesNotContain($"AWS::CodeCommit::Repository {stack}", stagingActions.Keys);
        Assert.NotNull((await session.CodePipeline.GetPipelineAsync($"{stack}-production-pipeline")).Pipeline);
        Assert.NotNull(await session.CodeCommit.GetRepositoryAsync(stack));

        var all = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(all.ExitCode == 0, all.Stderr);
        var actions = Actions(all);
        Assert.Equal("deleted", actions[$"AWS::CodePipeline::Pipeline {stack}-production-pipeline"]);
        Assert.Equal("deleted", actions[$"AWS::CodeCommit::Repository {stack}"]);
        Assert.Equal("deleted", actions[$"AWS::IAM::Role {stack}-production-codebuild-role"]);
        Assert.DoesNotContain(actions, a => a.Key.EndsWith($" {stack}-pipeline", StringComparison.Ordinal));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync($"{stack}-production-pipeline"));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync($"{stack}-production-deploy-role"));
        var buckets = ((await session.S3.ListBucketsAsync()).Buckets ?? []).Select(b => b.BucketName);
        Assert.DoesNotContain(buckets, b => b.StartsWith($"{stack}-", StringComparison.Ordinal));

        // Nothing of the stack is left: the next teardown deletes nothing and says no stack of that name is there.
        var again = await Pipectl("teardown", "--name", stack, "--yes");
        Assert.True(again.ExitCode == 1, again.Stderr);
        Assert.Equal("StackNotFound", again.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, Mutating(again));
    }

    [Fact]
    public async Task A_stack_made_before_discovery_is_found_by_the_tags_it_already_has_and_adopted_with_no_change()
    {
        // What the previous release made: the same create calls, with the same two ownership tags; nothing else recorded.
        var stack = UniqueStack();
        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--artifact-bucket", $"{stack}-given-artifacts", "--approval-email", "ops@example.com");
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        var made = Actions(bootstrap).Keys.ToHashSet(StringComparer.Ordinal);

        var again = await Pipectl("bootstrap", "--name", stack, "--artifact-bucket", $"{stack}-given-artifacts", "--approval-email", "ops@example.com");
        var plan = await Pipectl("teardown", "--name", stack, "--yes", "--dry-run");

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(0, Mutating(again));
        Assert.All(Actions(again).Values, a => Assert.Equal("unchanged", a));
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Equal(0, Mutating(plan));
        var wouldDelete = Actions(plan).Where(a => a.Value == "would-delete").Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(made, wouldDelete);
        Assert.True((await Pipectl("teardown", "--name", stack, "--yes")).ExitCode == 0);
    }

    [Fact]
    public async Task Teardown_given_only_the_name_deletes_the_parts_named_by_options_that_the_stack_record_remembers()
    {
        // Roles are not in the tagging API's answer: only the record says what they were called.
        var stack = UniqueStack();
        string[] named =
        [
            "--build-role-name", $"{stack}-b-role", "--pipeline-role-name", $"{stack}-p-role", "--deploy-role-name", $"{stack}-d-role",
            "--events-role-name", $"{stack}-e-role", "--artifact-bucket", $"{stack}-art", "--site-bucket", $"{stack}-web",
            "--approval-email", "ops@example.com", "--approval-topic-name", $"{stack}-gate", "--test-buildspec", RepositoryRoot.Of("samples/node-app/buildspec-test.yml"),
        ];
        var bootstrap = await Pipectl(["bootstrap", "--name", stack, .. named]);
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        var made = Actions(bootstrap).Keys.ToHashSet(StringComparer.Ordinal);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        var deleted = Actions(teardown).Where(a => a.Value == "deleted").Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(made.Order(StringComparer.Ordinal), deleted.Order(StringComparer.Ordinal));
        Assert.Empty(await StackLeftovers.ReadAsync(moto, stack));
    }
}
