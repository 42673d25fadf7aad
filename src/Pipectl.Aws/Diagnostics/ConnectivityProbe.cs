using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Session;

namespace Pipectl.Aws.Diagnostics;

/// <summary>
/// Checks every service pipectl uses (<see cref="AwsServices"/>) with one cheap read call each, concurrently. A service counts as
/// reachable when it answers as AWS does: a "not found" reply for a probe name proves the endpoint, the
/// signature and the credentials work; an access-denied reply or no reply at all does not.
/// </summary>
public sealed class ConnectivityProbe(AwsSession session)
{
    public async Task<ConnectivityReport> RunAsync(CancellationToken cancellationToken)
    {
        var probe = new ServiceProbe(session, cancellationToken);
        var results = await Task.WhenAll(AwsServices.All.Select(s => CheckAsync(s.Id, session.EndpointFor(s.Id), () => s.Probe(probe)))).ConfigureAwait(false);
        var endpoint = session.EndpointFor(AwsServices.StsId);
        return new ConnectivityReport(probe.Account, session.Region, endpoint, session.CredentialSource, results) { Connections = probe.Connections, CallerArn = probe.CallerArn };
    }

    private static async Task<ServiceCheck> CheckAsync(string name, string? endpoint, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return new ServiceCheck(name, true, null);
        }
        catch (AwsAccessDeniedException e)
        {
            return new ServiceCheck(name, false, $"access denied ({e.Code}): {e.Message}", endpoint);
        }
        catch (AwsApiException e) when (e.StatusCode is >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError)
        {
            // The service answered and judged the request: the endpoint, signature and credentials work.
            return new ServiceCheck(name, true, null);
        }
        catch (AmazonServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.Forbidden || e.ErrorCode is "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidClientTokenId" or "ExpiredToken")
        {
            return new ServiceCheck(name, false, $"access denied ({e.ErrorCode}): {e.Message}", endpoint);
        }
        catch (AmazonServiceException e) when (e.StatusCode is >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError && e.ErrorCode is not null)
        {
            return new ServiceCheck(name, true, null);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or SocketException or IOException or TaskCanceledException)
        {
            return new ServiceCheck(name, false, Describe(e), endpoint);
        }
    }

    /// <summary>One readable line for a transport or service failure, without a stack trace.</summary>
    public static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is not null && root is not SocketException)
        {
            root = root.InnerException;
        }

        return root switch
        {
            SocketException s => $"cannot connect: {s.Message}",
            HttpRequestException h => $"cannot connect: {h.Message}",
            TaskCanceledException or TimeoutException => "no answer (timed out)",
            AmazonServiceException s when s.StatusCode >= System.Net.HttpStatusCode.InternalServerError => $"service error {(int)s.StatusCode} {s.ErrorCode}: {s.Message}",
            _ => root.Message,
        };
    }
}
