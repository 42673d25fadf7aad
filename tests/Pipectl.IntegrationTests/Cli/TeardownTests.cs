using Amazon.S3;
using Amazon.S3.Model;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Iam;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>Teardown removes all that pipectl created for a stack, and nothing else.</summary>
[Collection(MotoCollection.Name)]
public sealed class TeardownTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private static string UniqueStack() => "td" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    private static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    private static int Operations(CliRun run, string operation) =>
        run.Json.GetProperty("apiCalls").GetProperty("operations").TryGetProperty(operation, out var count) ? count.GetInt32() : 0;

    [Fact]
    public async Task Teardown_after_bootstrap_and_thousands_of_versions_leaves_nothing_with_the_fewest_DeleteObjects_calls()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack)).ExitCode);
        using var session = TestSessions.For(moto);
        var artifacts = $"{stack}-artifacts-{Account}-us-east-1";
        var site = $"{stack}-site-{Account}-us-east-1";
        await session.S3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = site, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });

        // The artifact bucket keeps its TLS-only policy: the launcher's moto evaluates it as AWS does.
        var inArtifacts = await FillAsync(session.S3, artifacts, keys: 900, writesPerKey: 2, deleteMarkers: 400);
        var inSite = await FillAsync(session.S3, site, keys: 700, writesPerKey: 1, deleteMarkers: 700);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        var actions = Actions(teardown);
        Assert.Equal(10, actions.Values.Count(a => a == "deleted"));
        Assert.Equal("not-found", actions[$"AWS::SNS::Topic {stack}-approvals"]);
        var minimum = (int)(Math.Ceiling(inArtifacts / 1000.0) + Math.Ceiling(inSite / 1000.0));
        Assert.Equal(minimum, Operations(teardown, "DeleteObjects"));

        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.GetRepositoryAsync(stack));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync($"{stack}-pipeline"));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.EventBridge.DescribeRuleAsync($"{stack}-trigger"));
        Assert.Empty((await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-build"])).Projects ?? []);
        foreach (var role in new[] { "codebuild-role", "codepipeline-role", "deploy-role", "events-role" })
        {
            await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Iam.GetRoleAsync($"{stack}-{role}"));
        }

        var buckets = (await session.S3.ListBucketsAsync()).Buckets ?? [];
        Assert.DoesNotContain(buckets, b => b.BucketName.StartsWith(stack, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Similar_resources_pipectl_did_not_create_are_still_there_afterwards()
    {
        var stack = UniqueStack();
        using var session = TestSessions.For(moto);
        var lookalikeBucket = $"{stack}-artifacts-{Account}-us-east-1-backup";
        await session.S3.PutBucketAsync(new PutBucketRequest { BucketName = lookalikeBucket });
        await session.Iam.CreateRoleAsync(new CreateRoleRequest($"{stack}-codebuild-role-old", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        await session.CodeCommit.CreateRepositoryAsync(new($"{stack}-old", "the team's old repository"));
        // The stack's repository existed before pipectl, and the user asks to use it: it is adopted, used, and kept.
        await session.CodeCommit.CreateRepositoryAsync(new(stack, "the team's repository"));

        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--existing-repo");
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        Assert.Equal("unchanged", Actions(bootstrap)[$"AWS::CodeCommit::Repository {stack}"]);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal("kept", Actions(teardown)[$"AWS::CodeCommit::Repository {stack}"]);
        Assert.Equal("the team's repository", (await session.CodeCommit.GetRepositoryAsync(stack)).RepositoryMetadata!.RepositoryDescription);
        await session.CodeCommit.GetRepositoryAsync($"{stack}-old");
        await session.Iam.GetRoleAsync($"{stack}-codebuild-role-old");
        Assert.Contains((await session.S3.ListBucketsAsync()).Buckets, b => b.BucketName == lookalikeBucket);
    }

    [Fact]
    public async Task A_role_of_the_same_name_that_pipectl_did_not_create_is_refused_and_survives_teardown()
    {
        var stack = UniqueStack();
        using var session = TestSessions.For(moto);
        await session.Iam.CreateRoleAsync(new CreateRoleRequest($"{stack}-events-role", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));

        var wire = await Pipectl("wire-trigger", "--name", stack);
        Assert.Equal(1, wire.ExitCode);
        Assert.Contains($"{stack}-events-role", wire.Stderr);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");
        Assert.Equal("kept", Actions(teardown)[$"AWS::IAM::Role {stack}-events-role"]);
        await session.Iam.GetRoleAsync($"{stack}-events-role");
    }

    [Fact]
    public async Task A_stack_of_only_a_repository_and_buckets_is_removed_completely()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("create-repo", "--name", stack)).ExitCode);
        Assert.Equal(0, (await Pipectl("create-buckets", "--name", stack)).ExitCode);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");

        var actions = Actions(teardown);
        Assert.Equal(3, actions.Values.Count(a => a == "deleted"));
        Assert.Equal(8, actions.Values.Count(a => a == "not-found"));
        using var session = TestSessions.For(moto);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.GetRepositoryAsync(stack));
        Assert.DoesNotContain((await session.S3.ListBucketsAsync()).Buckets ?? [], b => b.BucketName.StartsWith(stack + "-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_yes_and_without_a_terminal_nothing_is_deleted_and_the_exit_code_is_2()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("create-repo", "--name", stack)).ExitCode);

        var refused = await Pipectl("teardown", "--name", stack);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--yes", refused.Stderr);
        using var session = TestSessions.For(moto);
        await session.CodeCommit.GetRepositoryAsync(stack);
    }

    [Fact]
    public async Task A_second_teardown_sends_no_mutating_request_and_reports_not_found()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack, "--approval-email", "ops@example.com")).ExitCode);
        var first = await Pipectl("teardown", "--name", stack, "--yes");
        Assert.Equal(11, Actions(first).Values.Count(a => a == "deleted"));

        var second = await Pipectl("teardown", "--name", stack, "--yes");

        // Nothing of the stack was found at all: not a finished teardown, but a name or region to check.
        Assert.Equal(1, second.ExitCode);
        Assert.All(Actions(second).Values, a => Assert.Equal("not-found", a));
        Assert.Equal(0, second.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        Assert.Equal("StackNotFound", second.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains($"pipectl: no stack named {stack} was found in us-east-1 (account {Account}): nothing was deleted.", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teardown_of_a_name_never_made_says_no_stack_was_found_in_the_region_and_exits_1()
    {
        var stack = UniqueStack();

        var text = await CliRun.RunAsync(["teardown", "--name", stack, "--yes", "--endpoint-url", moto.Endpoint, "--region", "eu-west-1"]);
        var plan = await Pipectl("teardown", "--name", stack, "--dry-run");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains($"Not found: stack {stack} in eu-west-1", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing left to delete", text.Stdout, StringComparison.Ordinal);
        Assert.Single(text.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("pipectl: ", StringComparison.Ordinal));
        Assert.Contains($"pipectl: no stack named {stack} was found in eu-west-1", text.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, plan.ExitCode);
        Assert.Equal("StackNotFound", plan.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Dry_run_lists_what_would_go_and_keep_options_keep_it()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack)).ExitCode);

        var plan = await Pipectl("teardown", "--name", stack, "--dry-run");
        Assert.Equal(10, Actions(plan).Values.Count(a => a == "would-delete"));
        Assert.Equal(0, plan.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());

        var keeping = await Pipectl("teardown", "--name", stack, "--yes", "--keep-repo", "--keep-buckets");
        Assert.Equal(3, Actions(keeping).Values.Count(a => a == "kept"));
        using var session = TestSessions.For(moto);
        await session.CodeCommit.GetRepositoryAsync(stack);
        await session.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = $"{stack}-site-{Account}-us-east-1" });

        // What a teardown finds and keeps is found: the stack is there, so the teardown is done (exit 0).
        var again = await Pipectl("teardown", "--name", stack, "--yes", "--keep-repo", "--keep-buckets");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(3, Actions(again).Values.Count(a => a == "kept"));
        Assert.False(again.Json.TryGetProperty("error", out _));
    }

    /// <summary>Writes object versions and delete markers; returns how many entries the bucket then lists.</summary>
    private static async Task<int> FillAsync(IAmazonS3 s3, string bucket, int keys, int writesPerKey, int deleteMarkers)
    {
        var writes = Enumerable.Range(0, keys).SelectMany(k => Enumerable.Range(0, writesPerKey).Select(w => (Key: $"site/{k:D5}.html", Body: $"v{w}"))).ToList();
        await Parallel.ForEachAsync(writes.GroupBy(w => w.Key), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (group, ct) =>
        {
            foreach (var (key, body) in group)
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body }, ct);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, deleteMarkers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (k, ct) =>
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = $"site/{k:D5}.html" }, ct));
        return (keys * writesPerKey) + deleteMarkers;
    }
}
