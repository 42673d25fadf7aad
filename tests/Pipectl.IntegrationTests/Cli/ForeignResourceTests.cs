using Amazon.S3.Model;
using Pipectl.Aws.CodeCommit;
using Pipectl.Aws.EventBridge;
using Pipectl.Aws.Iam;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// A resource made by hand under one of a stack's names stops bootstrap before its first write, and
/// neither bootstrap nor teardown ever changes it.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ForeignResourceTests(MotoServer moto)
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";

    private static string UniqueStack() => "fr" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliRun> Pipectl(params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", moto.Endpoint, "--region", Region, "--output", "json"]);

    private static int Mutating(CliRun run) => run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32();

    public static TheoryData<string> Kinds => ["role", "bucket", "project", "pipeline", "rule", "topic", "repository"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_resource_made_by_hand_under_a_stack_name_stops_bootstrap_with_0_mutating_requests_and_survives(string kind)
    {
        var stack = UniqueStack();
        using var session = TestSessions.For(moto);
        var name = await MakeByHandAsync(session, kind, StackSpec.FromStackName(stack, Region, Account));

        // The stack has an approval topic only when it mails approvals.
        string[] approval = kind == "topic" ? ["--approval-email", "ops@example.com"] : [];
        var bootstrap = await Pipectl(["bootstrap", "--name", stack, .. approval]);

        Assert.Equal(1, bootstrap.ExitCode);
        Assert.Equal(0, Mutating(bootstrap));
        var line = Assert.Single(bootstrap.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(name, StringComparison.Ordinal));
        Assert.Contains("already exists and was not created by pipectl", line);
        Assert.Contains("pipectl: bootstrap stopped before changing anything.", bootstrap.Stderr);
        Assert.DoesNotContain("run it again", bootstrap.Stderr);

        var plan = await Pipectl(["bootstrap", "--name", stack, "--dry-run", .. approval]);
        Assert.Equal(1, plan.ExitCode);
        Assert.DoesNotContain("run it again", plan.Stderr);

        var teardown = await Pipectl("teardown", "--name", stack, "--yes");
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal(0, Mutating(teardown));
        Assert.True(await ExistsUntaggedAsync(session, kind, StackSpec.FromStackName(stack, Region, Account)), $"the hand-made {kind} {name} was changed or deleted");
    }

    [Fact]
    public async Task An_empty_untagged_bucket_named_by_an_override_is_never_taken_over_or_deleted()
    {
        using var session = TestSessions.For(moto);
        var victim = "victim-empty-" + Guid.NewGuid().ToString("N")[..8];
        await session.S3.PutBucketAsync(new PutBucketRequest { BucketName = victim });

        var teardown = await Pipectl("teardown", "--name", UniqueStack(), "--artifact-bucket", victim, "--yes");
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal(0, Mutating(teardown));

        var bootstrap = await Pipectl("bootstrap", "--name", UniqueStack(), "--site-bucket", victim);
        Assert.Equal(1, bootstrap.ExitCode);
        Assert.Equal(0, Mutating(bootstrap));
        Assert.Contains($"AWS::S3::Bucket {victim} already exists", bootstrap.Stderr);
        var state = await new BucketDriver(session.S3).ReadAsync(new BucketSpec(victim, Region, false, false, PublicAccessBlock.AllBlocked, null, null, NoTags), CancellationToken.None);
        Assert.NotNull(state);
        Assert.Empty(state!.Tags);
    }

    [Fact]
    public async Task A_repository_made_by_hand_is_used_with_existing_repo_and_never_changed()
    {
        var stack = UniqueStack();
        using var session = TestSessions.For(moto);
        await session.CodeCommit.CreateRepositoryAsync(new CreateRepositoryRequest(stack, "the team's repository"));

        var bootstrap = await Pipectl("bootstrap", "--name", stack, "--existing-repo");
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Stderr);
        var repository = bootstrap.Json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "AWS::CodeCommit::Repository");
        Assert.Equal(StackOrchestrator.AdoptedNote, repository.GetProperty("note").GetString());
        Assert.Equal("unchanged", repository.GetProperty("action").GetString());

        using var folder = new TempFolder();
        folder.Write("index.html", "<h1>hi</h1>");
        var seeded = await Pipectl("bootstrap", "--name", stack, "--existing-repo", "--seed", folder.Path);
        Assert.Equal(2, seeded.ExitCode);
        Assert.Contains("--existing-repo", seeded.Stderr);

        var teardown = await Pipectl("teardown", "--name", stack, "--existing-repo", "--yes");
        Assert.True(teardown.ExitCode == 0, teardown.Stderr);
        Assert.Equal("the team's repository", (await session.CodeCommit.GetRepositoryAsync(stack)).RepositoryMetadata!.RepositoryDescription);
        Assert.Equal(9, teardown.Json.GetProperty("resources").EnumerateArray().Count(r => r.GetProperty("action").GetString() == "deleted"));

        var missing = await Pipectl("bootstrap", "--name", UniqueStack(), "--existing-repo");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(0, Mutating(missing));
        Assert.Contains("does not exist", missing.Stderr);
    }

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <summary>Makes the stack's <paramref name="kind"/> without the stack tag, as a person would; returns its name.</summary>
    private static async Task<string> MakeByHandAsync(AwsSession session, string kind, StackSpec spec)
    {
        var desired = DesiredStack.From(spec);
        var propagation = new IamPropagation(SilentProgress.Instance);
        switch (kind)
        {
            case "role":
                await new RoleDriver(session.Iam).CreateAsync(desired.Desired<RoleSpec, RoleState>(ResourceKeys.EventsRole) with { Tags = NoTags }, CancellationToken.None);
                return spec.EventsRoleName;
            case "bucket":
                await session.S3.PutBucketAsync(new PutBucketRequest { BucketName = spec.SiteBucketName });
                return spec.SiteBucketName;
            case "project":
                await new BuildProjectDriver(session.CodeBuild, propagation).CreateAsync(desired.Desired<BuildProjectSpec, BuildProjectState>(ResourceKeys.BuildProject) with { Tags = NoTags }, CancellationToken.None);
                return spec.BuildProjectName;
            case "pipeline":
                // CodePipeline refuses a role that does not exist: the person made that by hand too.
                await new RoleDriver(session.Iam).CreateAsync(desired.Desired<RoleSpec, RoleState>(ResourceKeys.PipelineRole) with { Tags = NoTags }, CancellationToken.None);
                await new PipelineDriver(session.CodePipeline, propagation).CreateAsync(desired.Pipeline with { Tags = NoTags }, CancellationToken.None);
                return spec.PipelineName;
            case "rule":
                await session.EventBridge.PutRuleAsync(new PutRuleRequest(spec.RuleName, """{"source":["aws.codecommit"]}"""));
                return spec.RuleName;
            case "topic":
                await session.Sns.CreateTopicAsync(spec.ApprovalTopicName);
                return spec.ApprovalTopicName;
            default:
                await session.CodeCommit.CreateRepositoryAsync(new CreateRepositoryRequest(spec.RepositoryName, "made by hand"));
                return spec.RepositoryName;
        }
    }

    /// <summary>Whether the hand-made resource is still there, still without the stack tag.</summary>
    private static async Task<bool> ExistsUntaggedAsync(AwsSession session, string kind, StackSpec spec)
    {
        var desired = DesiredStack.From(spec);
        var propagation = new IamPropagation(SilentProgress.Instance);
        object? state = kind switch
        {
            "role" => await new RoleDriver(session.Iam).ReadAsync(desired.Desired<RoleSpec, RoleState>(ResourceKeys.EventsRole), CancellationToken.None),
            "bucket" => await new BucketDriver(session.S3).ReadAsync(desired.Desired<BucketSpec, BucketState>(ResourceKeys.SiteBucket), CancellationToken.None),
            "project" => await new BuildProjectDriver(session.CodeBuild, propagation).ReadAsync(desired.Desired<BuildProjectSpec, BuildProjectState>(ResourceKeys.BuildProject), CancellationToken.None),
            "pipeline" => await new PipelineDriver(session.CodePipeline, propagation).ReadAsync(desired.Pipeline, CancellationToken.None),
            "rule" => await new RuleDriver(session.EventBridge).ReadAsync(desired.Rule, CancellationToken.None),
            "topic" => await new TopicDriver(session.Sns, Region, Account).ReadAsync(desired.Desired<TopicSpec, TopicState>(ResourceKeys.ApprovalTopic), CancellationToken.None),
            _ => await new RepositoryDriver(session.CodeCommit).ReadAsync(desired.Repository, CancellationToken.None),
        };
        return state is not null && !StackOwnership.IsOwnedBy(state, spec.StackName, spec.Region);
    }
}
