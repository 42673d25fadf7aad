using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodePipeline;

/// <summary>pipectl's own CodePipeline client.</summary>
public class CodePipelineClient(AWSCredentials credentials, PipectlClientConfig<CodePipelineFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<CodePipelineFacts>(credentials, config, CodePipelineFacts.TargetPrefix, counter)
{
}
