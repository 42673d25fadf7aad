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
    public async Task CodeCommit_answers_ListBranches_with_no_branch_for_a_repository_never_pushed_to_and_not_found_for_a_missing_one()
    {
        using var session = TestSessions.For(moto);
        var name = Unique("ml-branches");
        await session.CodeCommit.CreateRepositoryAsync(new CreateRepositoryRequest(name, null, null));

        var branches = await session.CodeCommit.ListBranchesAsync(name);

        Assert.Empty(branches.Branches ?? []);
        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.CodeCommit.ListBranchesAsync(Unique("ml-gone")));
        Assert.Equal("RepositoryDoesNotExistException", missing.Code);
    }

    [Fact]
    public async Task EventBridge_answers_ListTargetsByRule_for_a_missing_rule_with_a_JSON_ResourceNotFoundException()
    {
        using var session = TestSessions.For(moto);

        var missing = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => session.EventBridge.ListTargetsByRuleAsync(Unique("ml-rule")));

        Assert.Equal("ResourceNotFoundException", missing.Code);
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
