using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Pipectl.Aws.Runtime;

/// <summary>Every operation pipectl calls is signed with SigV4.</summary>
internal sealed class SigV4AuthHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
