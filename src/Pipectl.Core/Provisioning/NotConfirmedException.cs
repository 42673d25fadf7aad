using Pipectl.Core.Validation;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// A question on the terminal (a teardown, the removal of parts the stack no longer has, widened permissions) was
/// answered with anything but <c>yes</c>: nothing was deleted or written. Exit 1, error.code <c>NotConfirmed</c>; a
/// re-run asks again, so no "run again" line follows it.
/// </summary>
public sealed class NotConfirmedException(string message) : Exception(message), ICodedFailure
{
    public string ErrorCode => ErrorCodes.NotConfirmed;
}
