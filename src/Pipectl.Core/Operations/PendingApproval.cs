namespace Pipectl.Core.Operations;

/// <summary>
/// A manual approval that waits for a decision: where it is, and the token that authorises the decision.
/// The token is never printed (not even by ToString); output shows the stage and action only.
/// </summary>
/// <param name="StageName">The stage it is in (any name: it is found by its token, not by its name).</param>
/// <param name="ActionName">The approval action.</param>
/// <param name="Token">The token of this approval request, sent back with the decision.</param>
public sealed record PendingApproval(string StageName, string ActionName, string Token)
{
    /// <summary>Where the approval waits, without the token.</summary>
    public override string ToString() => $"{StageName}/{ActionName}";
}
