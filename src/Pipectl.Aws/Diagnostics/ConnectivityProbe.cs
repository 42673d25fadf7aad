using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Session;

namespace Pipectl.Aws.Diagnostics;

/// <summary>
/// Checks every service pipectl uses with one cheap read call each, concurrently. A service counts as
/// reachable when it answers as AWS does: a "not found" reply for a probe name proves the endpoint, the
/// signature and the credentials work; an access-denied reply or no reply at all does not.
/// </summary>
public sealed class ConnectivityProbe(AwsSession session)
{
    private const string ProbeName = "pipectl-doctor-probe";

    public async Task<ConnectivityReport> RunAsync(CancellationToken cancellationToken)
    {
        var region = session.Region;
        string? account = null;
        IReadOnlyList<ConnectionCheck> connections = [];
        var checks = new List<(string Name, Func<Task> Call)>
        {
            ("STS", async () => { account = (await session.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken)).Account; }),
            ("S3", () => session.S3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 1 }, cancellationToken)),
            ("CodeCommit", () => session.CodeCommit.GetRepositoryAsync(ProbeName, cancellationToken)),
            ("CodeBuild", () => session.CodeBuild.BatchGetProjectsAsync([ProbeName], cancellationToken)),
            ("CodePipeline", () => session.CodePipeline.GetPipelineAsync(ProbeName, cancellationToken: cancellationToken)),
            ("EventBridge", () => session.EventBridge.DescribeRuleAsync(ProbeName, cancellationToken)),
            ("IAM", () => session.Iam.GetRoleAsync(ProbeName, cancellationToken)),
            ("SNS", () => session.Sns.ListTagsForResourceAsync($"arn:aws:sns:{region}:000000000000:{ProbeName}", cancellationToken)),
            ("CloudWatch Logs", () => session.Logs.GetLogEventsAsync(new Pipectl.Aws.Logs.GetLogEventsRequest(ProbeName, ProbeName, Limit: 1), cancellationToken)),
            ("CodeConnections", async () =>
            {
                var page = await session.CodeConnections.ListConnectionsAsync(new CodeConnections.ListConnectionsRequest(MaxResults: 100), cancellationToken);
                connections = [.. (page.Connections ?? []).Select(c => new ConnectionCheck(c.ConnectionName ?? "?", c.ProviderType ?? "?", c.ConnectionStatus ?? "?"))];
            }),
            (Runtime.TaggingFacts.ServiceId, () => session.Tagging.GetResourcesAsync(new Tagging.GetResourcesRequest([new Tagging.TagFilter(Core.Stacks.StackDefaults.StackTagKey, [ProbeName])], ["codepipeline:pipeline"], ResourcesPerPage: 1), cancellationToken)),
        };

        var results = await Task.WhenAll(checks.Select(c => CheckAsync(c.Name, session.EndpointFor(c.Name), c.Call))).ConfigureAwait(false);
        var endpoint = session.EndpointFor("STS");
        return new ConnectivityReport(account, region, endpoint, session.CredentialSource, results) { Connections = connections };
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
            return new ServiceCheck(name, false, $"access denied ({e.Code}): {e.Message}");
        }
        catch (AwsApiException e) when (e.StatusCode is >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError)
        {
            // The service answered and judged the request: the endpoint, signature and credentials work.
            return new ServiceCheck(name, true, null);
        }
        catch (AmazonServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.Forbidden || e.ErrorCode is "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidClientTokenId" or "ExpiredToken")
        {
            return new ServiceCheck(name, false, $"access denied ({e.ErrorCode}): {e.Message}");
        }
        catch (AmazonServiceException e) when (e.StatusCode is >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError && e.ErrorCode is not null)
        {
            return new ServiceCheck(name, true, null);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or SocketException or IOException or TaskCanceledException)
        {
            return new ServiceCheck(name, false, endpoint is null ? Describe(e) : $"{Describe(e)} ({endpoint})");
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
