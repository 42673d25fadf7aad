using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Logs;

/// <summary>pipectl's own CloudWatch Logs client (JSON 1.1, target prefix Logs_20140328, signed as "logs"): reads build logs.</summary>
public class CloudWatchLogsClient(AWSCredentials credentials, PipectlClientConfig<CloudWatchLogsFacts> config, ApiCallCounter? counter = null)
    : JsonServiceClient<CloudWatchLogsFacts>(credentials, config, CloudWatchLogsFacts.TargetPrefix, counter)
{
    private static CloudWatchLogsJsonContext Json => CloudWatchLogsJsonContext.Default;

    /// <summary>One page of a stream's events; <c>ResourceNotFoundException</c> (not found) when the group or stream does not exist.</summary>
    public virtual Task<GetLogEventsReply> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken = default) =>
        InvokeJsonAsync("GetLogEvents", request, Json.GetLogEventsRequest, Json.GetLogEventsReply, cancellationToken);
}
