using System.Text.Json;
using Amazon.S3.Model;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>The article's pipeline end to end through the CLI entry point, against moto.</summary>
[Collection(MotoCollection.Name)]
public sealed class BootstrapTests(MotoServer moto)
{
    private static string UniqueStack() => "bt" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, .. args.Contains("--region") ? Array.Empty<string>() : ["--region", "us-east-1"], "--output", "json"]);

    private static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    [Fact]
    public async Task Bootstrap_creates_every_resource_as_specified_and_a_rerun_changes_nothing()
    {
        var stack = UniqueStack();
        var first = await Pipectl("bootstrap", "--name", stack);

        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var created = Actions(first);
        Assert.Equal(10, created.Count);
        Assert.All(created.Values, a => Assert.Equal("created", a));
        var json = first.Json;
        Assert.Equal("bootstrap", json.GetProperty("command").GetString());
        Assert.Equal("123456789012", json.GetProperty("account").GetString());
        var outputs = json.GetProperty("outputs");
        Assert.Equal($"{stack}-pipeline", outputs.GetProperty("pipelineName").GetString());
        Assert.Contains($"/v1/repos/{stack}", outputs.GetProperty("cloneUrlHttp").GetString());
        Assert.Equal($"http://{stack}-site-123456789012-us-east-1.s3-website-us-east-1.amazonaws.com", outputs.GetProperty("websiteUrl").GetString());
        Assert.Contains("console.aws.amazon.com", outputs.GetProperty("pipelineConsoleUrl").GetString());
        Assert.True(json.GetProperty("apiCalls").GetProperty("mutating").GetInt32() > 10);

        await AssertEverySettingAsync(stack);

        var second = await Pipectl("bootstrap", "--name", stack);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.All(Actions(second).Values, a => Assert.Equal("unchanged", a));
        Assert.Equal(0, second.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }

    [Fact]
    public async Task Each_verb_alone_converges_and_a_second_run_sends_no_mutating_request()
    {
        var stack = UniqueStack();
        foreach (var verb in new[] { "create-repo", "create-buckets", "create-build", "create-pipeline", "wire-trigger" })
        {
            var first = await Pipectl(verb, "--name", stack);
            Assert.True(first.ExitCode == 0, $"{verb}: {first.Stderr}");
            Assert.All(Actions(first).Values, a => Assert.Equal("created", a));

            var again = await Pipectl(verb, "--name", stack);
            Assert.All(Actions(again).Values, a => Assert.Equal("unchanged", a));
            Assert.Equal(0, again.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        }
    }

    [Fact]
    public async Task Changing_the_branch_updates_only_the_pipeline_and_the_rule()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack)).ExitCode);

        var changed = await Pipectl("bootstrap", "--name", stack, "--branch", "release");

        Assert.True(changed.ExitCode == 0, changed.Stderr);
        var actions = Actions(changed);
        Assert.Equal("updated", actions[$"AWS::CodePipeline::Pipeline {stack}-pipeline"]);
        Assert.Equal("updated", actions[$"AWS::Events::Rule {stack}-trigger"]);
        Assert.Equal(8, actions.Values.Count(a => a == "unchanged"));
        using var session = TestSessions.For(moto);
        var pipeline = await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline");
        Assert.Equal("release", pipeline.Pipeline!.Stages[0].Actions[0].Configuration!["BranchName"]);
    }

    [Fact]
    public async Task Adding_an_approval_updates_only_the_pipeline()
    {
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack)).ExitCode);

        var changed = await Pipectl("bootstrap", "--name", stack, "--approval");

        var actions = Actions(changed);
        Assert.Equal("updated", actions[$"AWS::CodePipeline::Pipeline {stack}-pipeline"]);
        Assert.Equal(9, actions.Values.Count(a => a == "unchanged"));
        using var session = TestSessions.For(moto);
        var stages = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages.Select(s => s.Name).ToList();
        Assert.Equal(["Source", "Build", "Approval", "Deploy"], stages);
    }

    [Fact]
    public async Task Another_image_is_planned_as_an_update_of_the_project_only()
    {
        // moto has no UpdateProject (it answers HTTP 500); the update call itself is covered by the wire tier.
        var stack = UniqueStack();
        Assert.Equal(0, (await Pipectl("bootstrap", "--name", stack)).ExitCode);

        var plan = await Pipectl("bootstrap", "--name", stack, "--image", "aws/codebuild/standard:8.0", "--dry-run");

        Assert.Equal(0, plan.ExitCode);
        var project = plan.Json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "AWS::CodeBuild::Project");
        Assert.Equal("would-update", project.GetProperty("action").GetString());
        Assert.Contains(project.GetProperty("changes").EnumerateArray(), c => c.GetProperty("attribute").GetString() == "image" && c.GetProperty("after").GetString() == "aws/codebuild/standard:8.0");
        Assert.Equal(9, Actions(plan).Values.Count(a => a == "unchanged"));
        Assert.Equal(0, plan.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
    }

    [Fact]
    public async Task Approval_email_creates_the_topic_with_a_subscription_and_notifies_it()
    {
        var stack = UniqueStack();
        var run = await Pipectl("bootstrap", "--name", stack, "--approval-email", "ops@example.com");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("created", Actions(run)[$"AWS::SNS::Topic {stack}-approvals"]);
        using var session = TestSessions.For(moto);
        var topicArn = $"arn:aws:sns:us-east-1:123456789012:{stack}-approvals";
        var subscriptions = await session.Sns.ListSubscriptionsByTopicAsync(topicArn);
        Assert.Single(subscriptions, s => s.Protocol == "email" && s.Endpoint == "ops@example.com");
        var approval = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!.Stages.Single(s => s.Name == "Approval").Actions[0];
        Assert.Equal(topicArn, approval.Configuration!["NotificationArn"]);

        Assert.Contains($"pipectl: note: SNS sent ops@example.com a message to confirm the subscription to topic {stack}-approvals: approval e-mails arrive only after the approver opens it", run.Stderr, StringComparison.Ordinal);

        var again = await Pipectl("bootstrap", "--name", stack, "--approval-email", "ops@example.com");
        Assert.All(Actions(again).Values, a => Assert.Equal("unchanged", a));
        Assert.Single(await session.Sns.ListSubscriptionsByTopicAsync(topicArn));
        Assert.DoesNotContain("confirm the subscription", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_us_east_1_buckets_are_created_in_the_region()
    {
        var stack = UniqueStack();
        var run = await Pipectl("create-buckets", "--name", stack, "--region", "eu-central-1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var session = TestSessions.For(moto, "eu-central-1");
        var location = await session.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = $"{stack}-artifacts-123456789012-eu-central-1" });
        Assert.Equal("eu-central-1", location.Location.Value);
    }

    [Fact]
    public async Task Private_site_keeps_every_public_access_block_and_has_no_policy()
    {
        var stack = UniqueStack();
        var run = await Pipectl("create-buckets", "--name", stack, "--private-site");

        Assert.Equal(0, run.ExitCode);
        using var session = TestSessions.For(moto);
        var site = $"{stack}-site-123456789012-us-east-1";
        var block = (await session.S3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = site })).PublicAccessBlockConfiguration;
        Assert.True(block.BlockPublicPolicy);
        Assert.True(block.RestrictPublicBuckets);
        var policy = await session.S3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = site });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, policy.HttpStatusCode);
        Assert.Contains("NoSuchBucketPolicy", policy.Policy);

        var again = await Pipectl("create-buckets", "--name", stack, "--private-site");
        Assert.All(Actions(again).Values, a => Assert.Equal("unchanged", a));
    }

    [Fact]
    public async Task Dry_run_against_an_empty_account_plans_everything_and_changes_nothing()
    {
        var stack = UniqueStack();
        var run = await Pipectl("bootstrap", "--name", stack, "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.All(Actions(run).Values, a => Assert.Equal("would-create", a));
        Assert.Equal(0, run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32());
        using var session = TestSessions.For(moto);
        await Assert.ThrowsAsync<Pipectl.Aws.Errors.AwsResourceNotFoundException>(() => session.CodeCommit.GetRepositoryAsync(stack));
    }

    private async Task AssertEverySettingAsync(string stack)
    {
        using var session = TestSessions.For(moto);
        var artifacts = $"{stack}-artifacts-123456789012-us-east-1";
        var site = $"{stack}-site-123456789012-us-east-1";

        // Repository
        // Repository: the description is the user's, ownership is in the tags of CreateRepository.
        var repository = (await session.CodeCommit.GetRepositoryAsync(stack)).RepositoryMetadata!;
        Assert.Equal($"Source of the {stack} delivery pipeline", repository.RepositoryDescription);
        Assert.Equal(
            new Dictionary<string, string> { ["pipectl:stack"] = stack, ["pipectl:region"] = "us-east-1" },
            await session.CodeCommit.ListAllTagsForResourceAsync(repository.Arn!));

        // Artifact bucket: everything blocked, versioned, encrypted, TLS-only policy.
        var block = (await session.S3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = artifacts })).PublicAccessBlockConfiguration;
        Assert.True(block.BlockPublicAcls == true && block.IgnorePublicAcls == true && block.BlockPublicPolicy == true && block.RestrictPublicBuckets == true);
        Assert.Equal(Amazon.S3.VersionStatus.Enabled, (await session.S3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = artifacts })).VersioningConfig.Status);
        Assert.NotEmpty((await session.S3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = artifacts })).ServerSideEncryptionConfiguration.ServerSideEncryptionRules);
        var artifactPolicy = (await session.S3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = artifacts })).Policy;
        Assert.Contains("aws:SecureTransport", artifactPolicy);
        Assert.Contains("Deny", artifactPolicy);

        // Site bucket: website, public read of objects only, ACLs still blocked.
        var website = (await session.S3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = site })).WebsiteConfiguration;
        Assert.Equal("index.html", website.IndexDocumentSuffix);
        Assert.Equal("error.html", website.ErrorDocument);
        var siteBlock = (await session.S3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = site })).PublicAccessBlockConfiguration;
        Assert.True(siteBlock.BlockPublicAcls == true && siteBlock.IgnorePublicAcls == true);
        Assert.False(siteBlock.BlockPublicPolicy == true || siteBlock.RestrictPublicBuckets == true);
        using (var sitePolicy = JsonDocument.Parse((await session.S3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = site })).Policy))
        {
            var statement = Assert.Single(sitePolicy.RootElement.GetProperty("Statement").EnumerateArray());
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            Assert.Contains("s3:GetObject", statement.GetProperty("Action").ToString());
            Assert.Contains($"arn:aws:s3:::{site}/*", statement.GetProperty("Resource").ToString());
        }

        foreach (var bucket in new[] { artifacts, site })
        {
            var tags = (await session.S3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket })).TagSet;
            Assert.Contains(tags, t => t.Key == "pipectl:stack" && t.Value == stack);
            Assert.Contains(tags, t => t.Key == "pipectl:region" && t.Value == "us-east-1");
        }

        // Roles: the right trust, one least-privilege inline policy, the stack tag.
        foreach (var (role, principal) in new[] { ($"{stack}-codebuild-role", "codebuild.amazonaws.com"), ($"{stack}-codepipeline-role", "codepipeline.amazonaws.com"), ($"{stack}-events-role", "events.amazonaws.com"), ($"{stack}-deploy-role", $"arn:aws:iam::123456789012:role/{stack}-codepipeline-role") })
        {
            var read = await session.Iam.GetRoleAsync(role);
            Assert.Contains(principal, read.AssumeRolePolicyJson);
            Assert.Equal(stack, read.Tags["pipectl:stack"]);
            Assert.Equal("us-east-1", read.Tags["pipectl:region"]);
            if (!principal.StartsWith("arn:", StringComparison.Ordinal))
            {
                Assert.Contains("\"aws:SourceAccount\":\"123456789012\"", read.AssumeRolePolicyJson, StringComparison.Ordinal);
            }
            var policies = await session.Iam.ListRolePoliciesAsync(role);
            var document = (await session.Iam.GetRolePolicyAsync(role, Assert.Single(policies))).PolicyJson;
            Assert.DoesNotContain("\"*\"", document);
        }

        // Build project: CODEPIPELINE source and artifacts, no location for either (as the console and CDK make it).
        var project = Assert.Single((await session.CodeBuild.BatchGetProjectsAsync([$"{stack}-build"])).Projects!);
        Assert.Equal("CODEPIPELINE", project.Source!.Type);
        Assert.True(string.IsNullOrEmpty(project.Source.Location));
        Assert.Equal("CODEPIPELINE", project.Artifacts!.Type);
        Assert.True(string.IsNullOrEmpty(project.Artifacts.Location));
        Assert.Equal("aws/codebuild/standard:7.0", project.Environment!.Image);
        Assert.Equal("BUILD_GENERAL1_SMALL", project.Environment.ComputeType);
        Assert.Equal("LINUX_CONTAINER", project.Environment.Type);
        Assert.Equal($"/aws/codebuild/{stack}-build", project.LogsConfig!.CloudWatchLogs!.GroupName);
        Assert.Equal($"arn:aws:iam::123456789012:role/{stack}-codebuild-role", project.ServiceRole);

        // Pipeline
        var pipeline = (await session.CodePipeline.GetPipelineAsync($"{stack}-pipeline")).Pipeline!;
        Assert.Equal(["Source", "Build", "Deploy"], pipeline.Stages.Select(s => s.Name));
        Assert.Equal("V2", pipeline.PipelineType);
        Assert.Equal(artifacts, pipeline.ArtifactStore!.Location);
        var source = pipeline.Stages[0].Actions[0];
        Assert.Equal("CodeCommit", source.ActionTypeId.Provider);
        Assert.Equal("false", source.Configuration!["PollForSourceChanges"]);
        Assert.Equal("main", source.Configuration["BranchName"]);
        var deploy = pipeline.Stages[2].Actions[0];
        Assert.Equal("S3", deploy.ActionTypeId.Provider);
        Assert.Equal("true", deploy.Configuration!["Extract"]);
        Assert.Equal(site, deploy.Configuration["BucketName"]);
        Assert.Equal($"arn:aws:iam::123456789012:role/{stack}-deploy-role", deploy.RoleArn);

        // Trigger rule
        var rule = await session.EventBridge.DescribeRuleAsync($"{stack}-trigger");
        using (var pattern = JsonDocument.Parse(rule.EventPattern!))
        {
            Assert.Equal("aws.codecommit", pattern.RootElement.GetProperty("source")[0].GetString());
            Assert.Equal("CodeCommit Repository State Change", pattern.RootElement.GetProperty("detail-type")[0].GetString());
            Assert.Equal("main", pattern.RootElement.GetProperty("detail").GetProperty("referenceName")[0].GetString());
            Assert.Equal("branch", pattern.RootElement.GetProperty("detail").GetProperty("referenceType")[0].GetString());
        }

        var target = Assert.Single(await session.EventBridge.ListAllTargetsByRuleAsync($"{stack}-trigger"));
        Assert.Equal($"arn:aws:codepipeline:us-east-1:123456789012:{stack}-pipeline", target.Arn);
        Assert.Equal($"arn:aws:iam::123456789012:role/{stack}-events-role", target.RoleArn);
    }
}
