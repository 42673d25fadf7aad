using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.CodeCommit;
using Pipectl.Aws.CodePipeline;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Iam;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Stacks;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// moto_launcher.py's patches, each shown against the emulator it started: moto now behaves as the AWS
/// documentation the patch names says AWS does. Plain API calls, no pipectl driver logic in between.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoLauncherTests(MotoServer moto)
{
    private const string Account = "123456789012";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static ProjectEnvironment SmallLinux => new("LINUX_CONTAINER", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL");

    private static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    [Fact]
    public async Task Sns_keeps_an_email_subscription_pending_confirmation_as_AWS_does_until_its_owner_confirms()
    {
        // Amazon SNS API Reference, Subscribe: an email endpoint's owner must confirm; until then Subscribe returns
        // "pending confirmation" (the ARN only with ReturnSubscriptionArn) and the listing says PendingConfirmation.
        using var session = TestSessions.For(moto);
        var topic = await session.Sns.CreateTopicAsync(Unique("ml-topic"));

        var subscribed = await session.Sns.SubscribeAsync(topic, "email", "ops@example.com");
        var withArn = await session.Sns.SubscribeAsync(topic, "email", "dev@example.com", returnSubscriptionArn: true);
        var listed = await session.Sns.ListSubscriptionsByTopicAsync(topic);

        Assert.Equal("pending confirmation", subscribed);
        Assert.StartsWith(topic + ":", withArn, StringComparison.Ordinal);
        Assert.Equal(2, listed.Count);
        Assert.All(listed, s => Assert.True(s.IsPendingConfirmation, s.SubscriptionArn));
    }

    [Fact]
    public async Task CodeBuild_accepts_a_CODEPIPELINE_source_and_artifacts_without_a_location()
    {
        using var session = TestSessions.For(moto);
        var name = Unique("ml-cp");

        var reply = await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            name, new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"), SmallLinux, RoleArn("ml-role")));

        Assert.Equal("CODEPIPELINE", reply.Project!.Source!.Type);
        Assert.True(string.IsNullOrEmpty(reply.Project.Source.Location));
        Assert.Equal("CODEPIPELINE", reply.Project.Artifacts!.Type);
        Assert.True(string.IsNullOrEmpty(reply.Project.Artifacts.Location));
    }

    [Fact]
    public async Task CodeBuild_refuses_a_CODECOMMIT_source_with_CODEPIPELINE_artifacts_as_AWS_does_and_accepts_NO_ARTIFACTS()
    {
        using var session = TestSessions.For(moto);
        var clone = "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/x";

        var refused = await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            Unique("ml-mix"), new ProjectSource("CODECOMMIT", clone), new ProjectArtifacts("CODEPIPELINE"), SmallLinux, RoleArn("ml-role"))));
        var accepted = await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            Unique("ml-cc"), new ProjectSource("CODECOMMIT", clone), new ProjectArtifacts("NO_ARTIFACTS"), SmallLinux, RoleArn("ml-role")));

        Assert.Contains("both sourceType, and artifactType must be set to: CODEPIPELINE", refused.Message, StringComparison.Ordinal);
        Assert.Equal("NO_ARTIFACTS", accepted.Project!.Artifacts!.Type);
    }

    [Fact]
    public async Task CodeBuild_accepts_Lambda_compute_only_in_a_Lambda_environment()
    {
        using var session = TestSessions.For(moto);
        var lambdaImage = "aws/codebuild/amazonlinux-x86_64-lambda-standard:nodejs20";

        var lambda = await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            Unique("ml-lambda"), new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"),
            new ProjectEnvironment("LINUX_LAMBDA_CONTAINER", lambdaImage, "BUILD_LAMBDA_1GB"), RoleArn("ml-role")));
        await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            Unique("ml-mismatch"), new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"),
            new ProjectEnvironment("LINUX_CONTAINER", lambdaImage, "BUILD_LAMBDA_1GB"), RoleArn("ml-role"))));

        Assert.Equal("BUILD_LAMBDA_1GB", lambda.Project!.Environment!.ComputeType);
    }

    [Fact]
    public async Task CodeBuild_BatchGetProjects_names_the_projects_it_did_not_find()
    {
        using var session = TestSessions.For(moto);
        var missing = Unique("ml-none");

        var reply = await session.CodeBuild.BatchGetProjectsAsync([missing]);

        Assert.Empty(reply.Projects ?? []);
        Assert.Equal([missing], reply.ProjectsNotFound);
    }

    [Fact]
    public async Task S3_bucket_policy_conditions_are_evaluated_so_a_TLS_only_deny_never_applies()
    {
        using var session = TestSessions.For(moto);
        var bucket = Unique("ml-tls");
        await session.S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await session.S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = DenyWhen(bucket, secureTransport: false) });

        await session.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "artifact" });
        using var read = await session.S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k" });
        Assert.Equal("artifact", await new StreamReader(read.ResponseStream).ReadToEndAsync());

        // The same Deny whose condition holds (every request counts as TLS, as on AWS) still refuses.
        await session.S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = DenyWhen(bucket, secureTransport: true) });
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k" }));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task S3_CreateBucket_applies_the_tags_of_its_CreateBucketConfiguration()
    {
        using var session = TestSessions.For(moto);
        var bucket = Unique("ml-tags");

        await session.S3.PutBucketAsync(new PutBucketRequest
        {
            BucketName = bucket,
            PutBucketConfiguration = new PutBucketConfiguration { Tags = [new Tag { Key = StackDefaults.StackTagKey, Value = "demo" }] },
        });
        var tags = await session.S3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket });

        var tag = Assert.Single(tags.TagSet);
        Assert.Equal((StackDefaults.StackTagKey, "demo"), (tag.Key, tag.Value));
    }

    [Fact]
    public async Task CodePipeline_trusts_a_role_whose_Principal_Service_is_a_list_and_names_a_duplicate_PipelineNameInUse()
    {
        using var session = TestSessions.For(moto);
        var stack = StackSpec.FromStackName(Unique("ml"), "us-east-1", Account);
        const string listTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["codebuild.amazonaws.com","codepipeline.amazonaws.com"]},"Action":"sts:AssumeRole"}]}""";
        await session.Iam.CreateRoleAsync(new CreateRoleRequest(stack.PipelineRoleName, listTrust, "launcher test", new Dictionary<string, string>()));
        var declaration = PipelineDeclarationMapper.ToAws(DesiredStack.From(stack).Pipeline.Declaration with { Version = null });

        await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration));
        var duplicate = await Assert.ThrowsAsync<AwsResourceExistsException>(() => session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration)));

        Assert.Equal("PipelineNameInUseException", duplicate.Code);
        Assert.Equal(stack.PipelineName, (await session.CodePipeline.GetPipelineAsync(stack.PipelineName)).Pipeline!.Name);
    }

    [Fact]
    public async Task CodeCommit_keeps_the_tags_of_CreateRepository_for_ListTagsForResource_and_TagResource()
    {
        using var session = TestSessions.For(moto);
        var name = Unique("ml-repo");

        var created = await session.CodeCommit.CreateRepositoryAsync(new CreateRepositoryRequest(name, null, new Dictionary<string, string> { [StackDefaults.StackTagKey] = "demo" }));
        var arn = created.RepositoryMetadata!.Arn!;
        var atCreate = await session.CodeCommit.ListAllTagsForResourceAsync(arn);
        await session.CodeCommit.TagResourceAsync(arn, new Dictionary<string, string> { ["team"] = "web" });
        var afterTag = await session.CodeCommit.ListAllTagsForResourceAsync(arn);

        Assert.Equal(new Dictionary<string, string> { [StackDefaults.StackTagKey] = "demo" }, atCreate);
        Assert.Equal(new Dictionary<string, string> { [StackDefaults.StackTagKey] = "demo", ["team"] = "web" }, afterTag);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.ListAllTagsForResourceAsync($"arn:aws:codecommit:us-east-1:{Account}:{Unique("ml-gone")}"));
    }

    [Fact]
    public async Task CodeBuild_UpdateProject_replaces_the_members_it_is_given_and_keeps_the_others()
    {
        using var session = TestSessions.For(moto);
        var name = Unique("ml-upd");
        await session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            name, new ProjectSource("CODEPIPELINE", Buildspec: "buildspec.yml"), new ProjectArtifacts("CODEPIPELINE"), SmallLinux, RoleArn("ml-role"), TimeoutInMinutes: 30));

        var updated = await session.CodeBuild.UpdateProjectAsync(new UpdateProjectRequest(
            name, Environment: SmallLinux with { ComputeType = "BUILD_GENERAL1_MEDIUM" }, Source: new ProjectSource("CODEPIPELINE", Buildspec: "ci/buildspec.yml")));
        var read = (await session.CodeBuild.BatchGetProjectsAsync([name])).Projects!.Single();

        Assert.Equal("BUILD_GENERAL1_MEDIUM", updated.Project!.Environment!.ComputeType);
        Assert.Equal("BUILD_GENERAL1_MEDIUM", read.Environment!.ComputeType);
        Assert.Equal("ci/buildspec.yml", read.Source!.Buildspec);
        Assert.Equal(30, read.TimeoutInMinutes);
        Assert.Equal(RoleArn("ml-role"), read.ServiceRole);
        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeBuild.UpdateProjectAsync(new UpdateProjectRequest(Unique("ml-none"))));
        Assert.Equal("ResourceNotFoundException", missing.Code);
        await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeBuild.UpdateProjectAsync(new UpdateProjectRequest(
            name, Environment: SmallLinux with { ComputeType = "BUILD_LAMBDA_1GB" })));
    }

    [Fact]
    public async Task CodeCommit_CreateCommit_makes_the_first_commit_of_an_empty_repository_and_GetBranch_reads_its_head()
    {
        using var session = TestSessions.For(moto);
        var name = Unique("ml-seed");
        await session.CodeCommit.CreateRepositoryAsync(new CreateRepositoryRequest(name, null, new Dictionary<string, string>()));
        var before = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.GetBranchAsync(name, "main"));

        var commit = await session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(
            name, "main", [new PutFileEntry("index.html", "<h1>hi</h1>"u8.ToArray()), new PutFileEntry("run.sh", "echo"u8.ToArray(), "EXECUTABLE")], CommitMessage: "first"));
        var branch = await session.CodeCommit.GetBranchAsync(name, "main");

        Assert.Equal("BranchDoesNotExistException", before.Code);
        Assert.Matches("^[0-9a-f]{40}$", commit.CommitId);
        Assert.Equal(["index.html", "run.sh"], commit.FilesAdded!.Select(f => f.AbsolutePath));
        Assert.Equal("EXECUTABLE", commit.FilesAdded![1].FileMode);
        Assert.Equal(commit.CommitId, branch.Branch!.CommitId);
        Assert.Equal(["main"], (await session.CodeCommit.ListBranchesAsync(name)).Branches);
    }

    [Fact]
    public async Task CodeCommit_CreateCommit_on_a_branch_with_commits_needs_its_head_as_parent()
    {
        using var session = TestSessions.For(moto);
        var name = Unique("ml-parent");
        await session.CodeCommit.CreateRepositoryAsync(new CreateRepositoryRequest(name, null, new Dictionary<string, string>()));
        var first = await session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(name, "main", [new PutFileEntry("a.txt", "a"u8.ToArray())]));

        var noParent = await Assert.ThrowsAsync<AwsApiException>(() => session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(name, "main", [new PutFileEntry("b.txt", "b"u8.ToArray())])));
        var otherBranch = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(name, "dev", [new PutFileEntry("b.txt", "b"u8.ToArray())])));
        var same = await Assert.ThrowsAsync<AwsApiException>(() => session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(name, "main", [new PutFileEntry("a.txt", "a"u8.ToArray())], first.CommitId)));
        var second = await session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(name, "main", [new PutFileEntry("a.txt", "changed"u8.ToArray())], first.CommitId));
        var outdated = await Assert.ThrowsAsync<AwsApiException>(() => session.CodeCommit.CreateCommitAsync(new CreateCommitRequest(name, "main", [new PutFileEntry("c.txt", "c"u8.ToArray())], first.CommitId)));

        Assert.Equal("ParentCommitIdRequiredException", noParent.Code);
        Assert.Equal("BranchDoesNotExistException", otherBranch.Code);
        Assert.Equal("NoChangeException", same.Code);
        Assert.Equal(["a.txt"], second.FilesUpdated!.Select(f => f.AbsolutePath));
        Assert.Equal("ParentCommitIdOutdatedException", outdated.Code);
        Assert.Equal(second.CommitId, (await session.CodeCommit.GetBranchAsync(name, "main")).Branch!.CommitId);
    }

    [Fact]
    public async Task CodePipeline_GetPipelineState_lists_every_stage_and_action_and_ListPipelineExecutions_answers()
    {
        using var session = TestSessions.For(moto);
        var stack = StackSpec.FromStackName(Unique("ml"), "us-east-1", Account);
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        await session.Iam.CreateRoleAsync(new CreateRoleRequest(stack.PipelineRoleName, trust, "launcher test", new Dictionary<string, string>()));
        var declaration = PipelineDeclarationMapper.ToAws(DesiredStack.From(stack).Pipeline.Declaration with { Version = null });
        await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration));

        var state = await session.CodePipeline.GetPipelineStateAsync(stack.PipelineName);
        var executions = await session.CodePipeline.ListPipelineExecutionsAsync(stack.PipelineName, 5);

        Assert.Equal(stack.PipelineName, state.PipelineName);
        Assert.Equal(1, state.PipelineVersion);
        Assert.Equal(declaration.Stages.Select(s => s.Name), state.StageStates!.Select(s => s.StageName));
        Assert.Equal(declaration.Stages[0].Actions.Select(a => a.Name), state.StageStates![0].ActionStates!.Select(a => a.ActionName));
        Assert.Empty(executions.PipelineExecutionSummaries!);
        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.GetPipelineStateAsync(Unique("ml-none")));
        Assert.Equal("PipelineNotFoundException", missing.Code);
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodePipeline.ListPipelineExecutionsAsync(Unique("ml-none")));
    }

    [Fact]
    public async Task EventBridge_answers_ListTargetsByRule_for_a_missing_rule_with_a_JSON_ResourceNotFoundException()
    {
        using var session = TestSessions.For(moto);

        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.EventBridge.ListTargetsByRuleAsync(Unique("ml-rule")));

        Assert.Equal("ResourceNotFoundException", missing.Code);
    }

    [Theory]
    [InlineData("LINUX_EC2", "BUILD_GENERAL1_SMALL")]
    [InlineData("ARM_EC2", "BUILD_GENERAL1_SMALL")]
    [InlineData("LINUX_CONTAINER", "ATTRIBUTE_BASED_COMPUTE")]
    [InlineData("LINUX_CONTAINER", "CUSTOM_INSTANCE_TYPE")]
    public async Task CodeBuild_refuses_a_reserved_capacity_environment_or_compute_type_without_a_fleet(string type, string compute)
    {
        // CodeBuild User Guide, "Build environment compute modes and types" (reserved capacity environment types).
        using var session = TestSessions.For(moto);

        var refused = await Assert.ThrowsAsync<AwsValidationException>(() => session.CodeBuild.CreateProjectAsync(new CreateProjectRequest(
            Unique("ml-fleet"), new ProjectSource("CODEPIPELINE"), new ProjectArtifacts("CODEPIPELINE"),
            new ProjectEnvironment(type, "aws/codebuild/standard:7.0", compute), RoleArn("ml-role"))));

        Assert.Contains("reserved capacity fleet", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StringEquals", false)]
    [InlineData("ArnEquals", false)]
    [InlineData("StringEqualsIfExists", true)]
    public async Task CodePipeline_assumes_a_role_only_when_its_trust_conditions_hold_for_the_keys_it_is_documented_to_send(string operatorName, bool accepted)
    {
        // No AWS page documents that CodePipeline sends aws:SourceAccount or aws:SourceArn when it assumes the service
        // role: a condition requiring one is refused, the IfExists form (pipectl's) holds.
        using var session = TestSessions.For(moto);
        var stack = StackSpec.FromStackName(Unique("mlt"), "us-east-1", Account);
        var key = operatorName.StartsWith("Arn", StringComparison.Ordinal) ? "aws:SourceArn" : "aws:SourceAccount";
        var value = key == "aws:SourceArn" ? $"arn:aws:codepipeline:us-east-1:{Account}:{stack.PipelineName}" : Account;
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"OP":{"KEY":"VALUE"}}}]}"""
            .Replace("OP", operatorName, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal);
        await session.Iam.CreateRoleAsync(new CreateRoleRequest(stack.PipelineRoleName, trust, "launcher test", new Dictionary<string, string>()));
        var declaration = PipelineDeclarationMapper.ToAws(DesiredStack.From(stack).Pipeline.Declaration with { Version = null });

        if (accepted)
        {
            await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration));
            Assert.Equal(stack.PipelineName, (await session.CodePipeline.GetPipelineAsync(stack.PipelineName)).Pipeline!.Name);
        }
        else
        {
            var refused = await Assert.ThrowsAnyAsync<AwsApiException>(() => session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(declaration)));
            Assert.Contains("not authorized to perform AssumeRole", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CodePipeline_accepts_the_trust_pipectl_writes_for_its_pipeline_role()
    {
        using var session = TestSessions.For(moto);
        var stack = StackSpec.FromStackName(Unique("mlp"), "us-east-1", Account);
        var role = new Pipectl.Core.Policies.StackPolicies(stack).PipelineRole;
        await session.Iam.CreateRoleAsync(new CreateRoleRequest(role.Name, role.TrustPolicy.ToJson(), "launcher test", new Dictionary<string, string>()));

        await session.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest(PipelineDeclarationMapper.ToAws(DesiredStack.From(stack).Pipeline.Declaration with { Version = null })));

        Assert.Equal(stack.PipelineName, (await session.CodePipeline.GetPipelineAsync(stack.PipelineName)).Pipeline!.Name);
    }

    [Theory]
    [InlineData("StringNotEquals", "aws:SourceVpce", "vpce-1a2b3c4d")]
    [InlineData("ArnNotLike", "aws:SourceArn", "arn:aws:cloudfront::123456789012:distribution/*")]
    [InlineData("NumericLessThan", "s3:max-keys", "10")]
    public async Task S3_a_negated_operator_on_a_missing_key_and_an_unmodelled_operator_keep_a_Deny_applying(string operatorName, string key, string value)
    {
        // IAM User Guide, "Condition operators": a negated operator on a key missing from the request is true; an
        // operator the launcher does not model never drops a Deny.
        using var session = TestSessions.For(moto);
        var bucket = Unique("ml-neg");
        await session.S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await session.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "x" });
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::BUCKET/*","Condition":{"OP":{"KEY":"VALUE"}}}]}"""
            .Replace("BUCKET", bucket, StringComparison.Ordinal).Replace("OP", operatorName, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal);
        await session.S3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy });

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k" }));

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task S3_CreateBucket_with_the_legacy_EU_constraint_is_accepted_in_eu_west_1_and_refused_elsewhere()
    {
        // S3 API Reference, CreateBucketConfiguration / BucketLocationConstraint: EU stands for eu-west-1.
        using var ireland = TestSessions.For(moto, "eu-west-1");
        using var london = TestSessions.For(moto, "eu-west-2");
        var bucket = Unique("ml-eu");

        await ireland.S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegion = S3Region.FindValue("EU") });
        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => london.S3.PutBucketAsync(new PutBucketRequest { BucketName = Unique("ml-eu2"), BucketRegion = S3Region.FindValue("EU") }));

        Assert.Equal("eu-west-1", (await ireland.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket })).Location.Value);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_launcher_refuses_a_moto_release_its_patches_were_not_written_for()
    {
        var start = new System.Diagnostics.ProcessStartInfo(moto.Python, ["-c", $"import sys, moto; moto.__version__ = '0.0.1'; sys.path.insert(0, r'{Path.GetDirectoryName(MotoServer.LauncherPath)}'); import moto_launcher; moto_launcher.patch_all()"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("patches are written for moto 5.2.1, found 0.0.1", error, StringComparison.Ordinal);
    }

    private static string DenyWhen(string bucket, bool secureTransport)
    {
        var when = secureTransport ? "true" : "false";
        return """{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],"Condition":{"Bool":{"aws:SecureTransport":"WHEN"}}}]}"""
            .Replace("BUCKET", bucket, StringComparison.Ordinal)
            .Replace("WHEN", when, StringComparison.Ordinal);
    }
}
