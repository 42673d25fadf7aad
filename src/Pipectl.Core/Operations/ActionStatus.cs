namespace Pipectl.Core.Operations;

/// <summary>
/// One action of a stage as its latest execution left it. <see cref="ApprovalToken"/> is set only while a
/// manual approval waits; it authorises the decision, so it is never printed (not even by ToString).
/// </summary>
/// <param name="Name">The action name.</param>
/// <param name="Status">InProgress, Succeeded, Failed or Abandoned; null when the action never ran.</param>
/// <param name="LastChange">When the status last changed.</param>
/// <param name="Summary">The action's own summary (a commit message, a build result, an approval comment).</param>
/// <param name="Revision">The revision the action last worked on (for a source action, the commit id).</param>
/// <param name="Error">Why the action failed, when it did.</param>
/// <param name="ApprovalToken">The token of a waiting manual approval.</param>
/// <param name="ExternalUrl">A link to the external execution (the CodeBuild build, ...).</param>
/// <param name="ExternalId">The external execution's id (for a CodeBuild action, the build id "project:uuid").</param>
public sealed record ActionStatus(
    string Name,
    string? Status,
    DateTimeOffset? LastChange = null,
    string? Summary = null,
    string? Revision = null,
    ActionError? Error = null,
    string? ApprovalToken = null,
    string? ExternalUrl = null,
    string? ExternalId = null)
{
    /// <summary>The action's fields without the approval token.</summary>
    public override string ToString() =>
        $"ActionStatus {{ Name = {Name}, Status = {Status}, LastChange = {LastChange:O}, Summary = {Summary}, Revision = {Revision}, Error = {Error}, ApprovalToken = {(ApprovalToken is null ? "" : "(set)")} }}";
}

/// <summary>Why an action failed: the error code and message AWS reports.</summary>
public sealed record ActionError(string? Code, string? Message);
