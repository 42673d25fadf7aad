namespace Pipectl.Core.Operations;

/// <summary>What an operator decides on a waiting manual approval.</summary>
public enum ApprovalDecision
{
    Approve,
    Reject,
}
