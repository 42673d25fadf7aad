using System.Text.Json;
using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Stacks;
using static Pipectl.IntegrationTests.Operate.OperateCli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary><c>pipectl status -f</c> of a stack with an approval e-mail shows a subscription not yet confirmed.</summary>
public sealed class ApprovalSubscriptionStatusCliTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:" + ScriptedCodePipeline.Account + ":shop-production-approvals";

    private static string Sample => Pipectl.IntegrationTests.Authoring.RepositoryRoot.Of("samples/multi-env/pipectl.yaml");

    private static bool IsListSubscriptions(RecordedRequest r) => r.Target is null && r.BodyText.Contains("Action=ListSubscriptionsByTopic", StringComparison.Ordinal);

    private static WireServer Serve(WireReply subscriptions, bool settled = false, WireReply? record = null)
    {
        var script = settled ? Pipeline(PipelineReplies.StateSucceeded(), PipelineReplies.Executions("Succeeded")) : Pipeline(PipelineReplies.StateInProgress(), PipelineReplies.Executions("InProgress"));
        var server = script.Serve();
        var pipeline = server.Responder!;
        server.Responder = r => IsListSubscriptions(r) ? subscriptions : record is not null && IsGetParameter(r) ? record : pipeline(r);
        return server;
    }

    /// <summary>SSM GetParameter's answer: the record of shop-production, made from options with <paramref name="approvalEmail"/>.</summary>
    private static WireReply RecordWith(string? approvalEmail)
    {
        var spec = StackSpec.FromStackName("shop-production", "us-east-1", ScriptedCodePipeline.Account) with { ApprovalEmail = approvalEmail };
        var record = StackRecord.Next(null, "shop-production", "us-east-1", new Dictionary<string, RecordedSpec> { [StackRecord.SingleStack] = RecordedSpec.Of(spec) }, wholeStack: true);
        return WireReply.Json(JsonSerializer.Serialize(new { Parameter = new { Name = "/pipectl/stacks/shop-production", Type = "String", Value = record.ToStored(), Version = 1 } }));
    }

    private static bool IsGetParameter(RecordedRequest r) => r.Target == "AmazonSSM.GetParameter";

    private static WireReply Subscriptions(string subscriptionArn) => WireReply.Xml($"""
        <ListSubscriptionsByTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <ListSubscriptionsByTopicResult><Subscriptions><member>
            <TopicArn>{TopicArn}</TopicArn><Protocol>email</Protocol><SubscriptionArn>{subscriptionArn}</SubscriptionArn>
            <Owner>{ScriptedCodePipeline.Account}</Owner><Endpoint>releases@example.com</Endpoint>
          </member></Subscriptions></ListSubscriptionsByTopicResult>
          <ResponseMetadata><RequestId>{WireReply.RequestId}</RequestId></ResponseMetadata>
        </ListSubscriptionsByTopicResponse>
        """);

    [Fact]
    public async Task A_pending_subscription_is_shown_with_why_no_email_arrives()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"));

        var run = await RunAsync(server, "status", "-f", Sample, "--env", "production");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith("approval e-mail releases@example.com  pending confirmation: approval e-mails arrive only after the approver", StringComparison.Ordinal));
        var list = Assert.Single(server.Requests, IsListSubscriptions);
        ModelAssert.QueryRequestConforms("sns", "ListSubscriptionsByTopic", list);
        ModelAssert.SignedFor(list, "sns", "us-east-1");
        Assert.Contains("TopicArn=" + Uri.EscapeDataString(TopicArn), list.BodyText, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Status_by_name_shows_the_pending_subscription_of_the_approval_email_given()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"));

        var run = await RunAsync(server, "status", "--name", "shop-production", "--approval-email", "releases@example.com");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith("approval e-mail releases@example.com  pending confirmation", StringComparison.Ordinal));
        Assert.Contains("TopicArn=" + Uri.EscapeDataString(TopicArn), Assert.Single(server.Requests, IsListSubscriptions).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_by_name_alone_shows_the_subscription_of_the_address_in_the_stack_record()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"), record: RecordWith("releases@example.com"));

        var run = await RunAsync(server, "status", "--name", "shop-production");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith("approval e-mail releases@example.com  pending confirmation", StringComparison.Ordinal));
        var get = Assert.Single(server.Requests, IsGetParameter);
        ModelAssert.JsonRequestConforms("ssm", "GetParameter", get);
        Assert.Equal("/pipectl/stacks/shop-production", JsonDocument.Parse(get.Body).RootElement.GetProperty("Name").GetString());
        Assert.Contains("TopicArn=" + Uri.EscapeDataString(TopicArn), Assert.Single(server.Requests, IsListSubscriptions).BodyText, StringComparison.Ordinal);
        Assert.Equal(["GetPipelineState", "ListPipelineExecutions", "GetParameter", null, null], Operations(server));
    }

    [Fact]
    public async Task Status_by_name_of_a_stack_without_an_address_or_record_reads_the_record_once_and_nothing_more()
    {
        foreach (var record in new[] { RecordWith(null), NoRecord })
        {
            using var server = Serve(Subscriptions("PendingConfirmation"), record: record);

            var run = await RunAsync(server, "status", "--name", "shop-production");

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.DoesNotContain("approval e-mail", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("warning", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(["GetPipelineState", "ListPipelineExecutions", "GetParameter"], Operations(server));
        }
    }

    [Fact]
    public async Task Status_by_name_with_the_address_given_does_not_read_the_record()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"), record: RecordWith("someone-else@example.com"));

        var run = await RunAsync(server, "status", "--name", "shop-production", "--approval-email", "releases@example.com", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("releases@example.com", run.Json.GetProperty("approvalSubscription").GetProperty("endpoint").GetString());
        Assert.DoesNotContain(server.Requests, IsGetParameter);
    }

    [Fact]
    public async Task An_unreadable_record_is_a_warning_and_status_still_succeeds()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"), record: WireReply.JsonError(400, "AccessDeniedException", "not allowed to ssm:GetParameter"));

        var run = await RunAsync(server, "status", "--name", "shop-production");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("pipectl: warning: could not read the record of stack shop-production for its approval e-mail (pass --approval-email to name it)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, IsListSubscriptions);
    }

    [Fact]
    public async Task Status_watch_says_the_subscription_is_pending_before_it_follows_the_execution()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"), settled: true);

        var run = await RunAsync(server, "status", "-f", Sample, "--env", "production", "--watch", "--poll-interval", "0");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(run.Stderr.Split('\n'), l => l.StartsWith("approval e-mail releases@example.com  pending confirmation", StringComparison.Ordinal));
        Assert.Single(server.Requests, IsListSubscriptions);
    }

    [Fact]
    public async Task A_confirmed_subscription_is_not_shown_and_the_json_says_confirmed()
    {
        using var server = Serve(Subscriptions(TopicArn + ":80289ba6-0fd4-4079-afb4-ce8c8260f0ca"));

        var text = await RunAsync(server, "status", "-f", Sample, "--env", "production");
        var json = await RunAsync(server, "status", "-f", Sample, "--env", "production", "--output", "json");

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.DoesNotContain("approval e-mail", text.Stdout, StringComparison.Ordinal);
        var member = json.Json.GetProperty("approvalSubscription");
        Assert.Equal(("releases@example.com", "confirmed"), (member.GetProperty("endpoint").GetString(), member.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_json_says_pending_confirmation()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"));

        var run = await RunAsync(server, "status", "-f", Sample, "--env", "production", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("pending-confirmation", run.Json.GetProperty("approvalSubscription").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_failed_read_is_a_warning_and_status_still_succeeds()
    {
        using var server = Serve(WireReply.XmlError(403, "AuthorizationError", "not allowed"));

        var run = await RunAsync(server, "status", "-f", Sample, "--env", "production");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("pipectl: warning: could not read the subscriptions of approval topic shop-production-approvals", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Deploy", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_without_an_approval_email_sends_no_subscription_request()
    {
        using var server = Serve(Subscriptions("PendingConfirmation"));

        var run = await RunAsync(server, "status", "-f", Sample, "--env", "staging");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain(server.Requests, IsListSubscriptions);
        Assert.Equal(["GetPipelineState", "ListPipelineExecutions"], Operations(server));
    }
}
