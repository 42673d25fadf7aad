using Pipectl.Core.Validation;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// A driver's delete that was begun but left to a later run on purpose (<c>teardown --no-wait</c> leaves a
/// CloudFront distribution disabled while the change deploys). The teardown reports the resource as kept, with
/// this message saying how to finish.
/// </summary>
public sealed class DeletionDeferredException(string message) : Exception(message), ICodedFailure
{
    public string ErrorCode => ErrorCodes.DeletionDeferred;
}
