using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Sns;

/// <summary>pipectl's own Sns client.</summary>
public class SnsClient(AWSCredentials credentials, PipectlClientConfig<SnsFacts> config, ApiCallCounter? counter = null)
    : QueryServiceClient<SnsFacts>(credentials, config, counter)
{
}
