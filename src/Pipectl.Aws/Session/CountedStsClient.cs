using Amazon.Runtime;
using Amazon.SecurityToken;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Session;

/// <summary>The SDK's STS client with pipectl's request counter in its pipeline.</summary>
internal sealed class CountedStsClient : AmazonSecurityTokenServiceClient
{
    public CountedStsClient(AWSCredentials credentials, AmazonSecurityTokenServiceConfig config, ApiCallCounter counter)
        : base(credentials, config)
    {
        RequestCountingHandler.Install(RuntimePipeline, counter);
    }
}
