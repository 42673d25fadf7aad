namespace Pipectl.Core.Validation;

/// <summary>
/// A failure that carries its own JSON <c>error.code</c>: the code is part of the published contract
/// (docs/CONTRACT.md), so it is written here once and never derived from a class name.
/// </summary>
public interface ICodedFailure
{
    string ErrorCode { get; }
}

/// <summary>pipectl's own <c>error.code</c> values (an AWS reply's code is used as AWS sends it). Pinned by a test against docs/CONTRACT.md.</summary>
public static class ErrorCodes
{
    /// <summary>Bad input found before anything was sent (exit 2): an option, a file, the region or the credentials.</summary>
    public const string BadInput = "BadInput";

    /// <summary>A resource cannot reach its desired state for a reason a person must resolve.</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>A delete begun and left to a later run on purpose (teardown --no-wait).</summary>
    public const string DeletionDeferred = "DeletionDeferred";

    /// <summary>doctor: one or more services did not answer.</summary>
    public const string ServicesFailed = "ServicesFailed";

    /// <summary>approve / reject: no approval is waiting.</summary>
    public const string NoPendingApproval = "NoPendingApproval";

    /// <summary>approve / reject: several approvals are waiting and --stage did not choose one.</summary>
    public const string SeveralPendingApprovals = "SeveralPendingApprovals";

    /// <summary>teardown: nothing of the stack was found in the region (every resource not-found).</summary>
    public const string StackNotFound = "StackNotFound";

    /// <summary>bootstrap / create verbs: the caller's identity policies do not allow requests of the plan (nothing was written); doctor: the same for a default stack.</summary>
    public const string PermissionsDenied = "PermissionsDenied";

    /// <summary>teardown, bootstrap: the question on the terminal was not answered exactly yes (nothing was deleted or written).</summary>
    public const string NotConfirmed = "NotConfirmed";

    /// <summary>Every code above, as docs/CONTRACT.md lists them.</summary>
    public static IReadOnlyList<string> Published { get; } = [BadInput, Provisioning, DeletionDeferred, ServicesFailed, NoPendingApproval, SeveralPendingApprovals, StackNotFound, PermissionsDenied, NotConfirmed];
}
