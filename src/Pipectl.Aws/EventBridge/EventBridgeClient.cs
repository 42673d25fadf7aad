using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.EventBridge;

/// <summary>pipectl's own EventBridge client.</summary>
public class EventBridgeClient(AWSCredentials credentials, PipectlClientConfig<EventBridgeFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<EventBridgeFacts>(credentials, config, EventBridgeFacts.TargetPrefix, counter)
{
}
