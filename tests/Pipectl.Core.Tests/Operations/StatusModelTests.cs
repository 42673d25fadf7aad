using Pipectl.Core.Operations;
using static Pipectl.Core.Tests.Operations.OperationsSamples;

namespace Pipectl.Core.Tests.Operations;

public sealed class StatusModelTests
{
    [Theory]
    [InlineData("Succeeded", ExecutionOutcome.Succeeded)]
    [InlineData("Failed", ExecutionOutcome.Failed)]
    [InlineData("Stopped", ExecutionOutcome.Failed)]
    [InlineData("Superseded", ExecutionOutcome.Failed)]
    [InlineData("Cancelled", ExecutionOutcome.Failed)]
    [InlineData("InProgress", ExecutionOutcome.Running)]
    [InlineData("Stopping", ExecutionOutcome.Running)]
    [InlineData(null, ExecutionOutcome.Running)]
    [InlineData("SomethingNew", ExecutionOutcome.Running)]
    public void Settlement_tells_success_from_failure_and_waits_on_anything_else(string? status, ExecutionOutcome expected)
    {
        Assert.Equal(expected, ExecutionSettlement.Classify(status));
    }

    [Fact]
    public void Latest_execution_is_the_first_listed_and_none_without_executions()
    {
        var status = Status(PipelineStatuses.InProgress);
        var never = new PipelineStatus("demo-pipeline", [Stage("Source", null, new ActionStatus("Source", null))], []);

        Assert.Equal("e-2", status.LatestExecution!.Id);
        Assert.Equal(PipelineStatuses.Succeeded, status.FindExecution("e-1")!.Status);
        Assert.Null(status.FindExecution("e-9"));
        Assert.Null(never.LatestExecution);
    }

    [Theory]
    [InlineData(null, "-")]
    [InlineData(0.3, "just now")]
    [InlineData(-30.0, "just now")]
    [InlineData(42.0, "42s ago")]
    [InlineData(59.9, "59s ago")]
    [InlineData(60.0, "1m ago")]
    [InlineData(5 * 60 + 59.0, "5m ago")]
    [InlineData(3 * 3600 + 120.0, "3h ago")]
    [InlineData(2 * 86400 + 7200.0, "2d ago")]
    public void Relative_time_reads_like_a_person_says_it(double? secondsAgo, string expected)
    {
        DateTimeOffset? when = secondsAgo is { } s ? Now.AddSeconds(-s) : null;

        Assert.Equal(expected, RelativeTime.Format(when, Now));
    }

    [Fact]
    public void Changes_on_the_first_look_list_every_action_that_has_a_status()
    {
        var status = Status(PipelineStatuses.InProgress,
            Stage("Source", PipelineStatuses.Succeeded, new ActionStatus("Source", PipelineStatuses.Succeeded, Summary: "Update index.html")),
            Stage("Build", PipelineStatuses.InProgress, new ActionStatus("Build", PipelineStatuses.InProgress)),
            Stage("Deploy", null, new ActionStatus("Deploy", null)));

        var changes = StatusChanges.Between(null, status, "e-2");

        Assert.Equal(
            [new StatusChange("execution e-2", "InProgress"), new StatusChange("Source/Source", "Succeeded", "Update index.html"), new StatusChange("Build/Build", "InProgress")],
            changes);
    }

    [Fact]
    public void Changes_between_looks_are_only_what_moved_with_errors_and_waiting_approvals_explained()
    {
        var before = Status(PipelineStatuses.InProgress,
            Stage("Source", PipelineStatuses.Succeeded, new ActionStatus("Source", PipelineStatuses.Succeeded)),
            Stage("Build", PipelineStatuses.InProgress, new ActionStatus("Build", PipelineStatuses.InProgress)),
            Stage("Release", null, new ActionStatus("SignOff", null)));
        var failed = Status(PipelineStatuses.Failed,
            Stage("Source", PipelineStatuses.Succeeded, new ActionStatus("Source", PipelineStatuses.Succeeded)),
            Stage("Build", PipelineStatuses.Failed, new ActionStatus("Build", PipelineStatuses.Failed, Error: new ActionError("JobFailed", "Build terminated with state: FAILED"))),
            Stage("Release", null, new ActionStatus("SignOff", null)));
        var waiting = Status(PipelineStatuses.InProgress,
            Stage("Source", PipelineStatuses.Succeeded, new ActionStatus("Source", PipelineStatuses.Succeeded)),
            Stage("Build", PipelineStatuses.Succeeded, new ActionStatus("Build", PipelineStatuses.Succeeded)),
            WaitingApproval());

        Assert.Equal(
            [new StatusChange("execution e-2", "Failed"), new StatusChange("Build/Build", "Failed", "JobFailed: Build terminated with state: FAILED")],
            StatusChanges.Between(before, failed, "e-2"));
        Assert.Equal(
            [new StatusChange("Build/Build", "Succeeded"), new StatusChange("Release/SignOff", "InProgress", "waiting for approval")],
            StatusChanges.Between(before, waiting, "e-2"));
        Assert.Empty(StatusChanges.Between(waiting, waiting, "e-2"));
    }

    [Fact]
    public void A_stage_that_ran_again_for_a_new_execution_counts_as_changed_even_with_the_same_status()
    {
        var first = new PipelineStatus("p", [new StageStatus("Source", PipelineStatuses.Succeeded, "e-1", [new ActionStatus("Source", PipelineStatuses.Succeeded)])], []);
        var second = first with { Stages = [new StageStatus("Source", PipelineStatuses.Succeeded, "e-2", [new ActionStatus("Source", PipelineStatuses.Succeeded)])] };

        Assert.Equal([new StatusChange("Source/Source", "Succeeded")], StatusChanges.Between(first, second, null));
    }

    [Theory]
    [InlineData("demo", null, "demo-pipeline")]
    [InlineData("demo", "release.main@v2", "release.main@v2")]
    public void Operated_pipeline_is_the_override_or_the_stack_default(string stack, string? overridden, string expected)
    {
        Assert.Equal((expected, null), OperatedPipeline.Resolve(stack, overridden));
    }

    [Theory]
    [InlineData("bad name", null, "--name")]
    [InlineData("demo", "no/slashes", "--pipeline-name")]
    [InlineData("", null, "--name")]
    public void Operated_pipeline_rejects_names_CodePipeline_would_reject(string stack, string? overridden, string option)
    {
        var (name, error) = OperatedPipeline.Resolve(stack, overridden);

        Assert.Null(name);
        Assert.StartsWith(option, error);
    }
}
