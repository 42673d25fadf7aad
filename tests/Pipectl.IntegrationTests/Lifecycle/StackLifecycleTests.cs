using Pipectl.Aws.Errors;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Cli;
using Pipectl.IntegrationTests.Moto;
using static Pipectl.IntegrationTests.Cli.StackRunJson;

namespace Pipectl.IntegrationTests.Lifecycle;

/// <summary>
/// A stack changed over time (docs/stack-record.md): an option left out keeps what the stack has (a re-run with
/// --name alone sends no mutating request), a part dropped by an explicit option is shown by the plan as would-delete
/// and removed by bootstrap after the new parts are in place, without a terminal only with --allow-delete (else exit 2,
/// nothing sent that writes), and a teardown given only the name then leaves nothing, the record included.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class StackLifecycleTests(MotoServer moto)
{
    private static readonly string SampleTests = RepositoryRoot.Of("samples/node-app/buildspec-test.yml");

    private static string UniqueStack() => "lc" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", "us-east-1", "--output", "json"]);

    private static void Succeeded(CliRun run) => Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);

    /// <summary>The resources the run changed (created, updated, deleted, would-...), keyed "TYPE NAME".</summary>
    private static Dictionary<string, string> Changed(CliRun run) =>
        Actions(run).Where(a => a.Value != "unchanged").ToDictionary(a => a.Key, a => a.Value);

    /// <summary>The note of resource "TYPE NAME" in the run's report.</summary>
    private static string? NoteOf(CliRun run, string resource) =>
        run.Json.GetProperty("resources").EnumerateArray()
            .Single(r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}" == resource)
            .GetProperty("note").GetString();

    private async Task AssertNoOpReRunAsync(string stack)
    {
        var again = await Pipectl("bootstrap", "--name", stack);
        Succeeded(again);
        Assert.Empty(Changed(again));
        Assert.Equal(0, Mutating(again));
    }

    private async Task<bool> RecordExistsAsync(string stack)
    {
        using var session = TestSessions.For(moto);
        try
        {
            await session.Ssm.GetParameterAsync($"/pipectl/stacks/{stack}");
            return true;
        }
        catch (AwsResourceNotFoundException)
        {
            return false;
        }
    }

    private async Task TeardownLeavesNothingAsync(string stack)
    {
        var teardown = await Pipectl("teardown", "--name", stack, "--yes");
        Succeeded(teardown);
        Assert.False(await RecordExistsAsync(stack));
        Assert.Empty(await StackLeftovers.ReadAsync(moto, stack));
    }

    [Fact]
    public async Task A_test_stage_is_remembered_then_dropped_with_no_test_stage_after_the_plan_shows_it()
    {
        var stack = UniqueStack();
        Succeeded(await Pipectl("bootstrap", "--name", stack, "--test-buildspec", SampleTests));
        Assert.True(await RecordExistsAsync(stack));

        // Left out, the Test stage stays: nothing is sent that writes.
        await AssertNoOpReRunAsync(stack);

        var plan = await Pipectl("plan", "--name", stack, "--no-test-stage");
        Succeeded(plan);
        var planned = Changed(plan);
        Assert.Equal("would-delete", planned[$"AWS::CodeBuild::Project {stack}-test"]);
        Assert.Equal("would-delete", planned[$"AWS::IAM::Role {stack}-test-role"]);
        Assert.Equal("would-delete", planned[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        Assert.Equal("would-update", planned[$"AWS::CodePipeline::Pipeline {stack}-pipeline"]);

        // Without a terminal, deleting needs --allow-delete: exit 2 and nothing written.
        var refused = await Pipectl("bootstrap", "--name", stack, "--no-test-stage");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--allow-delete", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Mutating(refused));

        var dropped = await Pipectl("bootstrap", "--name", stack, "--no-test-stage", "--allow-delete");
        Succeeded(dropped);
        var done = Changed(dropped);
        Assert.Equal("deleted", done[$"AWS::CodeBuild::Project {stack}-test"]);
        Assert.Equal("deleted", done[$"AWS::IAM::Role {stack}-test-role"]);
        Assert.Equal("deleted", done[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        using (var session = TestSessions.For(moto))
        {
            Assert.Equal(["Source", "Build", "Deploy"], (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Select(s => s.Name));
            Assert.Equal([$"{stack}-test"], (await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-test"])).ProjectsNotFound!);
        }

        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task A_renamed_report_gets_its_new_group_and_the_old_one_is_deleted_after_the_plan_shows_it()
    {
        var stack = UniqueStack();
        var folder = Directory.CreateTempSubdirectory("pipectl-lifecycle-").FullName;
        var renamed = Path.Combine(folder, "buildspec-test.yml");
        await File.WriteAllTextAsync(renamed, (await File.ReadAllTextAsync(SampleTests)).Replace("\n  unit:\n", "\n  unit-tests:\n", StringComparison.Ordinal));
        Succeeded(await Pipectl("bootstrap", "--name", stack, "--test-buildspec", SampleTests));

        var plan = Changed(await Pipectl("plan", "--name", stack, "--test-buildspec", renamed));
        Assert.Equal("would-create", plan[$"AWS::CodeBuild::ReportGroup {stack}-test-unit-tests"]);
        Assert.Equal("would-delete", plan[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        Assert.Equal("would-update", plan[$"AWS::CodeBuild::Project {stack}-test"]);

        var refused = await Pipectl("bootstrap", "--name", stack, "--test-buildspec", renamed);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(0, Mutating(refused));

        var applied = await Pipectl("bootstrap", "--name", stack, "--test-buildspec", renamed, "--allow-delete");
        Succeeded(applied);
        var done = Changed(applied);
        Assert.Equal("created", done[$"AWS::CodeBuild::ReportGroup {stack}-test-unit-tests"]);
        Assert.Equal("deleted", done[$"AWS::CodeBuild::ReportGroup {stack}-test-unit"]);
        Assert.Equal("updated", done[$"AWS::CodeBuild::Project {stack}-test"]);
        Assert.Equal("updated", done[$"AWS::IAM::Role {stack}-test-role"]);
        Assert.True(done.Count == 4, string.Join(", ", done));
        var groups = (await StackLeftovers.ReadAsync(moto, stack)).Where(l => l.StartsWith("codebuild-report-group ", StringComparison.Ordinal));
        Assert.Equal([$"codebuild-report-group {stack}-test-unit-tests"], groups);

        // The renamed buildspec is remembered: --name alone changes nothing.
        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task The_approval_email_is_remembered_then_dropped_with_no_approval()
    {
        var stack = UniqueStack();
        Succeeded(await Pipectl("bootstrap", "--name", stack, "--approval-email", "team@example.com"));
        await AssertNoOpReRunAsync(stack);

        var plan = await Pipectl("plan", "--name", stack, "--no-approval");
        Succeeded(plan);
        Assert.Equal("would-delete", Changed(plan)[$"AWS::SNS::Topic {stack}-approvals"]);

        var dropped = await Pipectl("bootstrap", "--name", stack, "--no-approval", "--allow-delete");
        Succeeded(dropped);
        Assert.Equal("deleted", Changed(dropped)[$"AWS::SNS::Topic {stack}-approvals"]);
        using (var session = TestSessions.For(moto))
        {
            Assert.DoesNotContain("Approval", (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Select(s => s.Name));
        }

        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task Website_to_cloudfront_and_back_removes_the_distribution_after_the_website_is_in_place()
    {
        var stack = UniqueStack();
        Succeeded(await Pipectl("bootstrap", "--name", stack));
        var toCloudFront = await Pipectl("bootstrap", "--name", stack, "--site", "cloudfront");
        Succeeded(toCloudFront);
        Assert.Contains(Changed(toCloudFront), a => a.Key.StartsWith("AWS::CloudFront::Distribution", StringComparison.Ordinal) && a.Value == "created");

        // --site left out keeps the CloudFront site.
        await AssertNoOpReRunAsync(stack);

        var plan = await Pipectl("plan", "--name", stack, "--site", "s3-website");
        Succeeded(plan);
        var planned = Changed(plan);
        Assert.Contains(planned, a => a.Key.StartsWith("AWS::CloudFront::Distribution", StringComparison.Ordinal) && a.Value == "would-delete");
        Assert.Equal("would-delete", planned[$"AWS::CodeBuild::Project {stack}-build-invalidate"]);

        var back = await Pipectl("bootstrap", "--name", stack, "--site", "s3-website", "--allow-delete");
        Succeeded(back);
        var done = Changed(back);
        Assert.Contains(done, a => a.Key.StartsWith("AWS::CloudFront::Distribution", StringComparison.Ordinal) && a.Value == "deleted");
        Assert.Equal("deleted", done[$"AWS::CodeBuild::Project {stack}-build-invalidate"]);
        Assert.Equal("deleted", done[$"AWS::IAM::Role {stack}-pipeline-invalidate-role"]);

        // The website bucket was made public again before the distribution went: its update is listed first.
        var order = back.Json.GetProperty("resources").EnumerateArray().Select(r => $"{r.GetProperty("type").GetString()} {r.GetProperty("action").GetString()}").ToList();
        Assert.True(order.IndexOf("AWS::S3::Bucket updated") < order.FindIndex(o => o.StartsWith("AWS::CloudFront::Distribution", StringComparison.Ordinal)), string.Join(", ", order));
        using (var session = TestSessions.For(moto))
        {
            Assert.DoesNotContain("Invalidate", (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Select(s => s.Name));
        }

        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task Website_to_private_and_back_keeps_the_private_bucket_until_site_is_given_again()
    {
        var stack = UniqueStack();
        Succeeded(await Pipectl("bootstrap", "--name", stack));
        var toPrivate = await Pipectl("bootstrap", "--name", stack, "--private-site");
        Succeeded(toPrivate);
        Assert.Equal("updated", Changed(toPrivate)[$"AWS::S3::Bucket {stack}-site-123456789012-us-east-1"]);
        await AssertNoOpReRunAsync(stack);

        var back = await Pipectl("bootstrap", "--name", stack, "--site", "s3-website");
        Succeeded(back);
        Assert.Equal("updated", Changed(back)[$"AWS::S3::Bucket {stack}-site-123456789012-us-east-1"]);
        Assert.DoesNotContain(Changed(back).Values, a => a is "deleted" or "would-delete");
        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task Codecommit_to_github_and_back_removes_the_old_source_each_time()
    {
        var stack = UniqueStack();
        Succeeded(await Pipectl("bootstrap", "--name", stack));
        var toGitHub = await Pipectl("bootstrap", "--name", stack, "--source", "github:octo/shop", "--allow-delete");
        Succeeded(toGitHub);
        var changed = Changed(toGitHub);
        Assert.Equal("deleted", changed[$"AWS::CodeCommit::Repository {stack}"]);
        Assert.Equal("deleted", changed[$"AWS::Events::Rule {stack}-trigger"]);
        Assert.Equal("deleted", changed[$"AWS::IAM::Role {stack}-events-role"]);
        await AssertNoOpReRunAsync(stack);

        var back = await Pipectl("bootstrap", "--name", stack, "--source", "codecommit", "--allow-delete");
        Succeeded(back);
        var returned = Changed(back);
        Assert.Equal("created", returned[$"AWS::CodeCommit::Repository {stack}"]);
        Assert.Contains(returned, a => a.Key.StartsWith("AWS::CodeConnections::Connection", StringComparison.Ordinal) && a.Value == "deleted");
        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task Environments_staging_then_staging_and_production_then_staging_removes_production_whole()
    {
        var stack = UniqueStack();
        var folder = Directory.CreateTempSubdirectory("pipectl-lifecycle-").FullName;
        var file = Path.Combine(folder, "pipectl.yaml");
        const string Staging = "  staging:\n    branch: develop\n";
        const string Production = "  production:\n    branch: main\n    approval:\n      enabled: true\n      email: releases@example.com\n";
        void Write(string environments) => File.WriteAllText(file, $"name: {stack}\nregion: us-east-1\nenvironments:\n{environments}");

        Write(Staging);
        Succeeded(await Pipectl("bootstrap", "-f", file));
        Write(Staging + Production);
        var both = await Pipectl("bootstrap", "-f", file);
        Succeeded(both);
        Assert.Equal("created", Changed(both)[$"AWS::CodePipeline::Pipeline {stack}-production-pipeline"]);
        Assert.DoesNotContain(Changed(both).Values, a => a is "deleted");

        Write(Staging);
        var plan = await Pipectl("plan", "-f", file);
        Succeeded(plan);
        var planned = Changed(plan);
        Assert.Equal("would-delete", planned[$"AWS::CodePipeline::Pipeline {stack}-production-pipeline"]);
        Assert.Equal("would-delete", planned[$"AWS::Events::Rule {stack}-production-trigger"]);
        Assert.Equal("would-delete", planned[$"AWS::SNS::Topic {stack}-production-approvals"]);
        Assert.Equal("would-delete", planned[$"AWS::S3::Bucket {stack}-production-site-123456789012-us-east-1"]);
        Assert.DoesNotContain(planned.Keys, k => k.Contains("-staging-", StringComparison.Ordinal) || k == $"AWS::CodeCommit::Repository {stack}");

        var back = await Pipectl("bootstrap", "-f", file, "--allow-delete");
        Succeeded(back);
        var removed = Changed(back);
        Assert.Equal(10, removed.Count(a => a.Value == "deleted"));
        Assert.All(removed.Where(a => a.Value == "deleted"), a => Assert.Contains("-production-", a.Key, StringComparison.Ordinal));
        using (var session = TestSessions.For(moto))
        {
            await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineAsync($"{stack}-production-pipeline"));
            Assert.Equal($"{stack}-staging-pipeline", (await session.CodePipeline.GetPipelineAsync($"{stack}-staging-pipeline")).Pipeline!.Name);
        }

        var again = await Pipectl("bootstrap", "-f", file);
        Succeeded(again);
        Assert.Empty(Changed(again));
        Assert.Equal(0, Mutating(again));
        Succeeded(await Pipectl("teardown", "-f", file, "--yes"));
        Assert.False(await RecordExistsAsync(stack));
    }

    [Fact]
    public async Task Deploy_s3_to_ecs_and_back_deletes_the_part_the_other_target_had_after_the_plan_shows_it()
    {
        var stack = UniqueStack();
        var (cluster, service) = ($"{stack}-cluster", $"{stack}-service");
        await EcsFixture.CreateServiceAsync(moto, cluster, service, stack);
        var site = $"AWS::S3::Bucket {stack}-site-123456789012-us-east-1";
        var repository = $"AWS::ECR::Repository {stack}";
        Succeeded(await Pipectl("bootstrap", "--name", stack));

        string[] toEcs = ["--deploy", "ecs", "--ecs-cluster", cluster, "--ecs-service", service, "--container-name", stack];
        var planEcs = Changed(await Pipectl(["plan", "--name", stack, .. toEcs]));
        Assert.Equal("would-create", planEcs[repository]);
        Assert.Equal("would-delete", planEcs[site]);
        var ecs = await Pipectl(["bootstrap", "--name", stack, .. toEcs, "--allow-delete"]);
        Succeeded(ecs);
        Assert.Equal("created", Changed(ecs)[repository]);
        Assert.Equal("deleted", Changed(ecs)[site]);
        using (var session = TestSessions.For(moto))
        {
            Assert.Contains("ECS", (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Single(s => s.Name == "Deploy").Actions.Select(a => a.ActionTypeId.Provider));
        }

        // --deploy and the ECS options left out keep the ECS deploy.
        await AssertNoOpReRunAsync(stack);

        var planS3Run = await Pipectl("plan", "--name", stack, "--deploy", "s3");
        Succeeded(planS3Run);
        var planS3 = Changed(planS3Run);
        Assert.Equal("would-create", planS3[site]);
        Assert.Equal("would-delete", planS3[repository]);
        var s3 = await Pipectl("bootstrap", "--name", stack, "--deploy", "s3", "--allow-delete");
        Succeeded(s3);
        Assert.Equal("created", Changed(s3)[site]);
        Assert.Equal("deleted", Changed(s3)[repository]);
        using (var session = TestSessions.For(moto))
        {
            Assert.Equal(["S3"], (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages!.Single(s => s.Name == "Deploy").Actions.Select(a => a.ActionTypeId.Provider));
            await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Ecr.DescribeRepositoryAsync(stack));
        }

        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task A_removed_bucket_with_objects_and_ecr_repository_with_images_are_kept_and_named_until_the_delete_option_is_given()
    {
        var stack = UniqueStack();
        var (cluster, service) = ($"{stack}-cluster", $"{stack}-service");
        await EcsFixture.CreateServiceAsync(moto, cluster, service, stack);
        var siteName = $"{stack}-site-123456789012-us-east-1";
        var (site, repository) = ($"AWS::S3::Bucket {siteName}", $"AWS::ECR::Repository {stack}");
        Succeeded(await Pipectl("bootstrap", "--name", stack));
        using var session = TestSessions.For(moto);
        await session.S3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = siteName, Key = "index.html", ContentBody = "<h1>live</h1>" });

        // The website bucket holds the site: the switch to ECS keeps it and names the option that deletes it.
        var ecs = await Pipectl("bootstrap", "--name", stack, "--deploy", "ecs", "--ecs-cluster", cluster, "--ecs-service", service, "--allow-delete");
        Succeeded(ecs);
        Assert.Equal("kept", Changed(ecs)[site]);
        Assert.Contains("1 object(s)", NoteOf(ecs, site), StringComparison.Ordinal);
        Assert.Contains("--delete-buckets", NoteOf(ecs, site), StringComparison.Ordinal);

        // Kept, it is named again by each run (reads only) until the option is given.
        var again = await Pipectl("bootstrap", "--name", stack);
        Succeeded(again);
        Assert.Equal(0, Mutating(again));
        Assert.Equal(new Dictionary<string, string> { [site] = "kept" }, Changed(again));
        Assert.Equal("would-delete", Changed(await Pipectl("plan", "--name", stack, "--delete-buckets"))[site]);
        var emptied = await Pipectl("bootstrap", "--name", stack, "--delete-buckets", "--allow-delete");
        Succeeded(emptied);
        Assert.Equal("deleted", Changed(emptied)[site]);
        Assert.DoesNotContain(((await session.S3.ListBucketsAsync()).Buckets ?? []).Select(b => b.BucketName), b => b == siteName);
        await AssertNoOpReRunAsync(stack);

        // The same for the ECR repository's images when the stack goes back to S3.
        await EcsFixture.PushImageAsync(moto, stack, "abc1234");
        var s3 = await Pipectl("bootstrap", "--name", stack, "--deploy", "s3", "--allow-delete");
        Succeeded(s3);
        Assert.Equal("created", Changed(s3)[site]);
        Assert.Equal("kept", Changed(s3)[repository]);
        Assert.Contains("--delete-images", NoteOf(s3, repository), StringComparison.Ordinal);
        Assert.NotNull(await session.Ecr.DescribeRepositoryAsync(stack));
        Assert.Equal("kept", Changed(await Pipectl("bootstrap", "--name", stack))[repository]);
        Assert.Equal("would-delete", Changed(await Pipectl("plan", "--name", stack, "--delete-images"))[repository]);
        var refused = await Pipectl("bootstrap", "--name", stack, "--delete-images");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(0, Mutating(refused));
        var deleted = await Pipectl("bootstrap", "--name", stack, "--delete-images", "--allow-delete");
        Succeeded(deleted);
        Assert.Equal("deleted", Changed(deleted)[repository]);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.Ecr.DescribeRepositoryAsync(stack));

        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task A_removed_codecommit_repository_with_commits_is_kept_and_named_until_delete_repo_is_given()
    {
        var stack = UniqueStack();
        var seed = Directory.CreateTempSubdirectory("pipectl-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(seed, "index.html"), "<h1>hello</h1>");
        var repository = $"AWS::CodeCommit::Repository {stack}";
        Succeeded(await Pipectl("bootstrap", "--name", stack, "--seed", seed));

        var github = await Pipectl("bootstrap", "--name", stack, "--source", "github:octo/shop", "--allow-delete");
        Succeeded(github);
        var changed = Changed(github);
        Assert.Equal("kept", changed[repository]);
        Assert.Equal("deleted", changed[$"AWS::Events::Rule {stack}-trigger"]);
        Assert.Contains("--delete-repo", NoteOf(github, repository), StringComparison.Ordinal);
        using var session = TestSessions.For(moto);
        Assert.NotNull(await session.CodeCommit.GetRepositoryAsync(stack));

        var again = await Pipectl("bootstrap", "--name", stack);
        Succeeded(again);
        Assert.Equal(0, Mutating(again));
        Assert.Equal(new Dictionary<string, string> { [repository] = "kept" }, Changed(again));

        var deleted = await Pipectl("bootstrap", "--name", stack, "--delete-repo", "--allow-delete");
        Succeeded(deleted);
        Assert.Equal("deleted", Changed(deleted)[repository]);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.GetRepositoryAsync(stack));
        await AssertNoOpReRunAsync(stack);
        await TeardownLeavesNothingAsync(stack);
    }

    [Fact]
    public async Task A_stack_file_whose_record_is_over_4_KB_stores_it_compressed_and_converges()
    {
        var stack = UniqueStack();
        var file = Path.Combine(Directory.CreateTempSubdirectory("pipectl-lifecycle-").FullName, "pipectl.yaml");
        var environments = string.Concat(Enumerable.Range(1, 8).Select(i => $"  env{i}:\n    branch: release-{i}\n"));
        await File.WriteAllTextAsync(file, $"name: {stack}\nregion: us-east-1\nenvironments:\n{environments}");

        Succeeded(await Pipectl("bootstrap", "-f", file));
        using (var session = TestSessions.For(moto))
        {
            var stored = (await session.Ssm.GetParameterAsync($"/pipectl/stacks/{stack}")).Parameter!.Value!;
            Assert.StartsWith("gzip:", stored, StringComparison.Ordinal);
            Assert.True(stored.Length <= 4096, $"{stored.Length} characters");
        }

        var again = await Pipectl("bootstrap", "-f", file);
        Succeeded(again);
        Assert.Empty(Changed(again));
        Assert.Equal(0, Mutating(again));
        await TeardownLeavesNothingAsync(stack);
    }
}
