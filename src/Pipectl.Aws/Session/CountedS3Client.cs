using Amazon.Runtime;
using Amazon.S3;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Session;

/// <summary>The SDK's S3 client with pipectl's request counter in its pipeline.</summary>
internal sealed class CountedS3Client : AmazonS3Client
{
    public CountedS3Client(AWSCredentials credentials, AmazonS3Config config, ApiCallCounter counter)
        : base(credentials, config)
    {
        RequestCountingHandler.Install(RuntimePipeline, counter);
    }
}
