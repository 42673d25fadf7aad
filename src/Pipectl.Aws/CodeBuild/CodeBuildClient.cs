using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.CodeBuild;

/// <summary>pipectl's own CodeBuild client.</summary>
public class CodeBuildClient(AWSCredentials credentials, PipectlClientConfig<CodeBuildFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<CodeBuildFacts>(credentials, config, CodeBuildFacts.TargetPrefix, counter)
{
}
