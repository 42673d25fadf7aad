using Pipectl.Core.Operations;
using static Pipectl.Core.Tests.Operations.OperationsSamples;

namespace Pipectl.Core.Tests.Operations;

public sealed class ApprovalFinderTests
{
    [Fact]
    public void Finds_the_waiting_approval_by_its_token_in_a_stage_with_any_name()
    {
        var status = Status(PipelineStatuses.InProgress,
            Stage("Source", PipelineStatuses.Succeeded, new ActionStatus("Source", PipelineStatuses.Succeeded)),
            Stage("Build", PipelineStatuses.Succeeded, new ActionStatus("Build", PipelineStatuses.Succeeded)),
            WaitingApproval("QA-Gate", "ProductOwnerSignOff"),
            Stage("Deploy", null, new ActionStatus("Deploy", null)));

        var approval = ApprovalFinder.Find(status);

        Assert.Equal(new PendingApproval("QA-Gate", "ProductOwnerSignOff", Token), approval);
    }

    [Fact]
    public void An_action_in_progress_without_a_token_is_not_an_approval()
    {
        var status = Status(PipelineStatuses.InProgress,
            Stage("Approval", PipelineStatuses.InProgress, new ActionStatus("Approval", PipelineStatuses.InProgress)),
            Stage("Build", PipelineStatuses.InProgress, new ActionStatus("Build", PipelineStatuses.InProgress)));

        Assert.Empty(ApprovalFinder.FindAll(status));
        Assert.Null(ApprovalFinder.Find(status));
    }

    [Theory]
    [InlineData(PipelineStatuses.Succeeded)]
    [InlineData(PipelineStatuses.Failed)]
    [InlineData(PipelineStatuses.Abandoned)]
    public void A_decided_approval_that_still_shows_a_token_is_not_waiting(string actionStatus)
    {
        var status = Status(PipelineStatuses.InProgress,
            Stage("Release", actionStatus, new ActionStatus("SignOff", actionStatus, ApprovalToken: Token)));

        Assert.Null(ApprovalFinder.Find(status));
    }

    [Fact]
    public void Several_waiting_approvals_are_all_found_in_pipeline_order_and_a_stage_narrows_them()
    {
        var status = Status(PipelineStatuses.InProgress,
            WaitingApproval("Staging", "Check"),
            Stage("Build", PipelineStatuses.Succeeded, new ActionStatus("Build", PipelineStatuses.Succeeded)),
            Stage("Production", PipelineStatuses.InProgress,
                new ActionStatus("Security", PipelineStatuses.Succeeded),
                new ActionStatus("Owner", PipelineStatuses.InProgress, ApprovalToken: "ffffffff-5e6f-4a7b-8c9d-0e1f2a3b4c5d")));

        Assert.Equal(["Staging/Check", "Production/Owner"], ApprovalFinder.FindAll(status).Select(a => a.ToString()));
        Assert.Equal("ffffffff-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Assert.Single(ApprovalFinder.FindAll(status, "Production")).Token);
        Assert.Empty(ApprovalFinder.FindAll(status, "production"));
    }

    [Fact]
    public void The_token_never_appears_in_text()
    {
        var approval = new PendingApproval("Release", "SignOff", Token);
        var action = new ActionStatus("SignOff", PipelineStatuses.InProgress, ApprovalToken: Token);

        Assert.Equal("Release/SignOff", approval.ToString());
        Assert.DoesNotContain(Token, action.ToString(), StringComparison.Ordinal);
        Assert.Contains("SignOff", action.ToString(), StringComparison.Ordinal);
    }
}
