using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// What a driver does when its create call answers "already exists": the resource is converged only when its
/// tags show the stack's own earlier create (a reply that was lost); one that somebody else made under the
/// name meanwhile is refused, never taken over.
/// </summary>
internal static class OwnershipGuard
{
    public static TState Owned<TState>(TState state, IReadOnlyDictionary<string, string> stackTags, string what)
        where TState : ITaggedState =>
        StackOwnership.IsOwnedBy(state, stackTags)
            ? state
            : throw new ProvisioningException($"{what} already exists and was not created by pipectl for this stack: pipectl leaves it alone. Give it another name (see --help for the name options) or remove it yourself.");
}
