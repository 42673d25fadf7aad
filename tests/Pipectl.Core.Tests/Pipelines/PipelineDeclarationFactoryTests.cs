using Pipectl.Core.Pipelines;

namespace Pipectl.Core.Tests.Pipelines;

public sealed class PipelineDeclarationFactoryTests
{
    private const string Account = TestStacks.Account;

    [Fact]
    public void Without_approval_the_stages_are_source_build_deploy()
    {
        var pipeline = PipelineDeclarationFactory.Create(TestStacks.Demo());

        Assert.Equal(["Source", "Build", "Deploy"], pipeline.Stages.Select(s => s.Name));
        Assert.Equal("demo-pipeline", pipeline.Name);
        Assert.Equal($"arn:aws:iam::{Account}:role/demo-codepipeline-role", pipeline.RoleArn);
        Assert.Equal(new PipelineArtifactStore("S3", "demo-artifacts-123456789012-us-east-1"), pipeline.ArtifactStore);
        Assert.Equal("V2", pipeline.PipelineType);
    }

    [Fact]
    public void With_approval_a_manual_stage_runs_between_build_and_deploy()
    {
        var pipeline = PipelineDeclarationFactory.Create(TestStacks.Demo() with { Approval = true });

        Assert.Equal(["Source", "Build", "Approval", "Deploy"], pipeline.Stages.Select(s => s.Name));
        var approval = Assert.Single(pipeline.Stages[2].Actions);
        Assert.Equal(("Approval", "AWS", "Manual", "1"), (approval.Category, approval.Owner, approval.Provider, approval.Version));
        Assert.Empty(approval.Configuration);
        Assert.Empty(approval.InputArtifacts);
    }

    [Fact]
    public void With_an_approval_email_the_approval_notifies_the_topic()
    {
        var pipeline = PipelineDeclarationFactory.Create(TestStacks.Demo() with { ApprovalEmail = "ops@example.com" });

        Assert.Equal(["Source", "Build", "Approval", "Deploy"], pipeline.Stages.Select(s => s.Name));
        var approval = Assert.Single(pipeline.Stages[2].Actions);
        Assert.Equal($"arn:aws:sns:us-east-1:{Account}:demo-approvals", approval.Configuration["NotificationArn"]);
        Assert.Contains("demo", approval.Configuration["CustomData"], StringComparison.Ordinal);
    }

    [Fact]
    public void Source_is_codecommit_on_the_branch_without_polling()
    {
        var source = Assert.Single(PipelineDeclarationFactory.Create(TestStacks.Demo() with { Branch = "develop" }).Stages[0].Actions);

        Assert.Equal(("Source", "AWS", "CodeCommit", "1", 1), (source.Category, source.Owner, source.Provider, source.Version, source.RunOrder));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RepositoryName"] = "demo",
                ["BranchName"] = "develop",
                ["PollForSourceChanges"] = "false",
                ["OutputArtifactFormat"] = "CODE_ZIP",
            },
            source.Configuration);
        Assert.Empty(source.InputArtifacts);
        Assert.Equal(["SourceOutput"], source.OutputArtifacts);
        Assert.Null(source.RoleArn);
    }

    [Fact]
    public void Build_runs_the_codebuild_project_on_the_source()
    {
        var build = Assert.Single(PipelineDeclarationFactory.Create(TestStacks.Demo()).Stages[1].Actions);

        Assert.Equal(("Build", "AWS", "CodeBuild", "1"), (build.Category, build.Owner, build.Provider, build.Version));
        Assert.Equal(new Dictionary<string, string> { ["ProjectName"] = "demo-build" }, build.Configuration);
        Assert.Equal(["SourceOutput"], build.InputArtifacts);
        Assert.Equal(["BuildOutput"], build.OutputArtifacts);
    }

    [Fact]
    public void Deploy_extracts_the_build_output_into_the_site_bucket_with_the_deploy_role()
    {
        var deploy = Assert.Single(PipelineDeclarationFactory.Create(TestStacks.Demo()).Stages[^1].Actions);

        Assert.Equal(("Deploy", "AWS", "S3", "1"), (deploy.Category, deploy.Owner, deploy.Provider, deploy.Version));
        Assert.Equal(
            new Dictionary<string, string> { ["BucketName"] = "demo-site-123456789012-us-east-1", ["Extract"] = "true" },
            deploy.Configuration);
        Assert.False(deploy.Configuration.ContainsKey("CannedACL"));
        Assert.Equal(["BuildOutput"], deploy.InputArtifacts);
        Assert.Empty(deploy.OutputArtifacts);
        Assert.Equal($"arn:aws:iam::{Account}:role/demo-deploy-role", deploy.RoleArn);
    }

    [Fact]
    public void Pipeline_type_follows_the_spec()
    {
        Assert.Equal("V1", PipelineDeclarationFactory.Create(TestStacks.Demo() with { PipelineType = "V1" }).PipelineType);
    }
}
