using Pipectl.Core.Validation;

namespace Pipectl.Core.Provisioning;

/// <summary>
/// A teardown that found nothing of the stack at all in its region (every resource not-found, no settings record):
/// a mistyped name or the wrong region, which a script must not take for a finished teardown. Whatever was found,
/// deleted or kept, makes a teardown succeed.
/// </summary>
public sealed class StackNotFoundException(string stackName, string region, string? account)
    : Exception($"no stack named {stackName} was found in {region}{(account is null ? string.Empty : $" (account {account})")}: nothing was deleted. Check the name and --region; `pipectl list --region {region}` lists the stacks there.")
    , ICodedFailure
{
    public string ErrorCode => ErrorCodes.StackNotFound;
}
