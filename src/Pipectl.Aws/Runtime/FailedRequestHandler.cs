using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Pipectl.Aws.Errors;

namespace Pipectl.Aws.Runtime;

/// <summary>
/// The outermost handler of every client pipectl makes: when a request finally fails (after the SDK's
/// retries), it records on the exception which service, operation and resource it was, so the one line a
/// person reads can name them whatever code made the call.
/// </summary>
internal sealed class FailedRequestHandler : PipelineHandler
{
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Attach(e, executionContext);
            throw;
        }
    }

    public override void InvokeSync(IExecutionContext executionContext)
    {
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Attach(e, executionContext);
            throw;
        }
    }

    private static void Attach(Exception failure, IExecutionContext executionContext)
    {
        var context = executionContext.RequestContext;
        var config = context.ClientConfig;
        var service = string.IsNullOrEmpty(config.ServiceId) ? config.AuthenticationServiceName : config.ServiceId;
        AwsFailedRequest.Attach(failure, new AwsFailedRequest(
            service,
            RequestCountingHandler.OperationName(context),
            RequestResource.Of(service, context),
            config.AuthenticationServiceName ?? service.ToLowerInvariant()));
    }
}
