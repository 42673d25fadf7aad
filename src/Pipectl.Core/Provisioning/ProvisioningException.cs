using Pipectl.Core.Validation;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// A resource cannot be brought to its desired state for a reason a person must resolve (a bucket name
/// taken by another account, a role that is not pipectl's). The message is the one line shown.
/// </summary>
public sealed class ProvisioningException(string message, Exception? inner = null) : Exception(message, inner), ICodedFailure
{
    public string ErrorCode => ErrorCodes.Provisioning;

    /// <summary>
    /// False when running the verb again cannot finish the stack until the person changes something (an
    /// account setting refuses it): then no "run it again" advice is given.
    /// </summary>
    public bool RerunHelps { get; init; } = true;
}
