using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using Pipectl.Aws.Diagnostics;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Session;

/// <summary>
/// One AWS service pipectl calls: its SDK service id (the suffix of AWS_ENDPOINT_URL_&lt;SERVICE&gt;), the session's
/// client for it, and the one cheap read <c>pipectl doctor</c> checks it with.
/// </summary>
/// <param name="Id">The SDK service id, e.g. "CodeCommit", "S3 Control".</param>
/// <param name="Client">The session's client of this service (created on first use).</param>
/// <param name="Probe">One read that proves the endpoint, the signature and the credentials (a "not found" reply counts).</param>
public sealed record AwsService(string Id, Func<AwsSession, IDisposable> Client, Func<ServiceProbe, Task> Probe);

/// <summary>
/// The one table of the services pipectl calls. It drives the endpoint-URL checks (every AWS_ENDPOINT_URL_&lt;SERVICE&gt;
/// is checked), the region check (any override accepts an emulator's region), <c>pipectl doctor</c> (one line per
/// row) and the session's clients (a test checks each row's client is configured for its id). A new service is one
/// row here, its facts class and its client.
/// </summary>
public static class AwsServices
{
    public const string StsId = "STS";
    public const string S3Id = "S3";

    public static IReadOnlyList<AwsService> All { get; } =
    [
        new(StsId, s => (IDisposable)s.Sts, async p =>
        {
            try
            {
                var identity = await p.Session.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), p.CancellationToken).ConfigureAwait(false);
                p.CallerArn = identity.Arn;
                p.AccountFound(identity.Account);
            }
            catch (Exception e)
            {
                p.AccountFailed(e);
                throw;
            }
        }),
        new(S3Id, s => (IDisposable)s.S3, p => p.Session.S3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 1 }, p.CancellationToken)),
        new(CodeCommitFacts.ServiceId, s => s.CodeCommit, p => p.Session.CodeCommit.GetRepositoryAsync(ServiceProbe.Name, p.CancellationToken)),
        new(CodeBuildFacts.ServiceId, s => s.CodeBuild, p => p.Session.CodeBuild.BatchGetProjectsAsync([ServiceProbe.Name], p.CancellationToken)),
        new(CodePipelineFacts.ServiceId, s => s.CodePipeline, p => p.Session.CodePipeline.GetPipelineAsync(ServiceProbe.Name, cancellationToken: p.CancellationToken)),
        new(EventBridgeFacts.ServiceId, s => s.EventBridge, p => p.Session.EventBridge.DescribeRuleAsync(ServiceProbe.Name, p.CancellationToken)),
        new(IamFacts.ServiceId, s => s.Iam, p => p.Session.Iam.GetRoleAsync(ServiceProbe.Name, p.CancellationToken)),
        new(SnsFacts.ServiceId, s => s.Sns, p => p.Session.Sns.ListTagsForResourceAsync($"arn:aws:sns:{p.Session.Region}:000000000000:{ServiceProbe.Name}", p.CancellationToken)),
        new(CloudWatchLogsFacts.ServiceId, s => s.Logs, p => p.Session.Logs.GetLogEventsAsync(new Logs.GetLogEventsRequest(ServiceProbe.Name, ServiceProbe.Name, Limit: 1), p.CancellationToken)),
        new(CodeConnectionsFacts.ServiceId, s => s.CodeConnections, async p =>
        {
            var page = await p.Session.CodeConnections.ListConnectionsAsync(new CodeConnections.ListConnectionsRequest(MaxResults: 100), p.CancellationToken).ConfigureAwait(false);
            p.Connections = [.. (page.Connections ?? []).Select(c => new ConnectionCheck(c.ConnectionName ?? "?", c.ProviderType ?? "?", c.ConnectionStatus ?? "?"))];
        }),
        new(EcrFacts.ServiceId, s => s.Ecr, p => p.Session.Ecr.DescribeRepositoryAsync(ServiceProbe.Name, p.CancellationToken)),
        new(EcsFacts.ServiceId, s => s.Ecs, p => p.Session.Ecs.DescribeClustersAsync(ServiceProbe.Name, p.CancellationToken)),
        new(CloudFrontFacts.ServiceId, s => s.CloudFront, p => p.Session.CloudFront.GetDistributionAsync(ServiceProbe.Name, p.CancellationToken)),

        new(SsmFacts.ServiceId, s => s.Ssm, p => p.Session.Ssm.GetParameterAsync(Ssm.StackRecordStore.ParameterName(ServiceProbe.Name), p.CancellationToken)),

        new(TaggingFacts.ServiceId, s => s.Tagging, p => p.Session.Tagging.GetResourcesAsync(new Tagging.GetResourcesRequest([new Tagging.TagFilter(Core.Stacks.StackDefaults.StackTagKey, [ServiceProbe.Name])], ["codepipeline:pipeline"], ResourcesPerPage: 1), p.CancellationToken)),

        // The account is part of the S3 Control host and request: asked once STS has answered.
        new(S3ControlFacts.ServiceId, s => s.S3Control, async p => await p.Session.S3Control.GetPublicAccessBlockAsync(await p.AccountAsync.ConfigureAwait(false), p.CancellationToken).ConfigureAwait(false)),
    ];

    /// <summary>The service ids, in table order.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(s => s.Id)];
}
