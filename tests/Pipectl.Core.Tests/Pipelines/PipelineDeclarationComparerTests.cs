using Pipectl.Core.Pipelines;

namespace Pipectl.Core.Tests.Pipelines;

public sealed class PipelineDeclarationComparerTests
{
    private static PipelineDeclaration Desired() => PipelineDeclarationFactory.Create(TestStacks.Demo());

    /// <summary>What GetPipeline returns for a pipeline created from <see cref="Desired"/>: AWS's additions, new collections.</summary>
    private static PipelineDeclaration AsReturnedByAws(PipelineDeclaration pipeline) => pipeline with
    {
        Version = 3,
        ExecutionMode = "SUPERSEDED",
        Stages = pipeline.Stages
            .Select(s => s with
            {
                Actions = s.Actions.Select(a => a with
                {
                    RunOrder = null,
                    Configuration = a.Configuration.Reverse().ToDictionary(p => p.Key, p => p.Value),
                    InputArtifacts = a.InputArtifacts.ToList(),
                    OutputArtifacts = a.OutputArtifacts.ToList(),
                    RoleArn = a.RoleArn ?? string.Empty,
                }).ToList(),
            })
            .ToList(),
    };

    private static PipelineDeclaration ChangeAction(PipelineDeclaration pipeline, string stage, Func<PipelineAction, PipelineAction> change) =>
        pipeline with
        {
            Stages = pipeline.Stages
                .Select(s => s.Name == stage ? s with { Actions = s.Actions.Select(change).ToList() } : s)
                .ToList(),
        };

    [Fact]
    public void What_aws_fills_in_is_not_a_difference()
    {
        Assert.Empty(PipelineDeclarationComparer.Differences(Desired(), AsReturnedByAws(Desired())));
    }

    [Fact]
    public void A_missing_pipeline_type_counts_as_v1()
    {
        var v1 = PipelineDeclarationFactory.Create(TestStacks.Demo() with { PipelineType = "V1" });
        Assert.Empty(PipelineDeclarationComparer.Differences(v1, v1 with { PipelineType = null }));

        var difference = Assert.Single(PipelineDeclarationComparer.Differences(Desired(), Desired() with { PipelineType = null }));
        Assert.Equal(new PipelineDifference("pipelineType", "V2", "V1"), difference);
    }

    [Fact]
    public void A_changed_branch_is_reported_with_its_path()
    {
        var actual = ChangeAction(AsReturnedByAws(Desired()), "Source", a => a with
        {
            Configuration = new Dictionary<string, string>(a.Configuration) { ["BranchName"] = "develop" },
        });

        var difference = Assert.Single(PipelineDeclarationComparer.Differences(Desired(), actual));

        Assert.Equal("stages[Source].actions[Source].configuration.BranchName", difference.Path);
        Assert.Equal("main", difference.Desired);
        Assert.Equal("develop", difference.Actual);
        Assert.Equal("stages[Source].actions[Source].configuration.BranchName: \"develop\" -> \"main\"", difference.ToString());
    }

    [Fact]
    public void Polling_left_on_is_a_difference()
    {
        var actual = ChangeAction(Desired(), "Source", a => a with
        {
            Configuration = a.Configuration.Where(p => p.Key != "PollForSourceChanges").ToDictionary(p => p.Key, p => p.Value),
        });

        var difference = Assert.Single(PipelineDeclarationComparer.Differences(Desired(), actual));
        Assert.Equal(("stages[Source].actions[Source].configuration.PollForSourceChanges", "false", (string?)null), (difference.Path, difference.Desired, difference.Actual));
    }

    [Fact]
    public void An_extra_configuration_key_is_a_difference()
    {
        var actual = ChangeAction(Desired(), "Deploy", a => a with
        {
            Configuration = new Dictionary<string, string>(a.Configuration) { ["CannedACL"] = "public-read" },
        });

        var difference = Assert.Single(PipelineDeclarationComparer.Differences(Desired(), actual));
        Assert.Equal("stages[Deploy].actions[Deploy].configuration.CannedACL", difference.Path);
        Assert.Null(difference.Desired);
    }

    [Fact]
    public void A_missing_approval_stage_is_a_difference()
    {
        var desired = PipelineDeclarationFactory.Create(TestStacks.Demo() with { Approval = true });

        var difference = Assert.Single(PipelineDeclarationComparer.Differences(desired, Desired()));

        Assert.Equal(("stages", "Source -> Build -> Approval -> Deploy", "Source -> Build -> Deploy"), (difference.Path, difference.Desired, difference.Actual));
    }

    [Fact]
    public void A_missing_deploy_role_and_another_artifact_store_are_differences()
    {
        var actual = ChangeAction(Desired(), "Deploy", a => a with { RoleArn = null }) with
        {
            ArtifactStore = new PipelineArtifactStore("S3", "elsewhere"),
        };

        var paths = PipelineDeclarationComparer.Differences(Desired(), actual).Select(d => d.Path).ToList();

        Assert.Equal(["artifactStore.location", "stages[Deploy].actions[Deploy].roleArn"], paths);
    }

    [Fact]
    public void Renamed_action_and_changed_artifacts_are_differences()
    {
        var renamed = ChangeAction(Desired(), "Build", a => a with { Name = "Compile" });
        var paths = PipelineDeclarationComparer.Differences(Desired(), renamed).Select(d => d.Path).ToList();
        Assert.Contains("stages[Build].actions[Build]", paths);
        Assert.Contains("stages[Build].actions[Compile]", paths);

        var rewired = ChangeAction(Desired(), "Build", a => a with { OutputArtifacts = ["Other"] });
        Assert.Equal(
            "stages[Build].actions[Build].outputArtifacts",
            Assert.Single(PipelineDeclarationComparer.Differences(Desired(), rewired)).Path);
    }

    [Fact]
    public void An_execution_mode_asked_for_is_compared()
    {
        var desired = Desired() with { ExecutionMode = "QUEUED" };

        Assert.Single(PipelineDeclarationComparer.Differences(desired, AsReturnedByAws(Desired())));
    }
}
