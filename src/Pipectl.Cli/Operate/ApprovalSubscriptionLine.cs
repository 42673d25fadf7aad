using System.Text.Json;
using Pipectl.Aws.Session;
using Pipectl.Aws.Sns;
using Pipectl.Aws.Ssm;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Operate;

/// <summary>
/// The approval e-mail's subscription in <c>pipectl status</c> when the stack mails its approvals:
/// SNS delivers nothing to the address until its owner confirms, so status says so while it is pending. Two reads
/// (GetCallerIdentity for the topic's ARN, ListSubscriptionsByTopic), and for a stack named by --name alone one more
/// before them (GetParameter of the stack's record, for the address); a failed read is a warning, not a failed status.
/// </summary>
internal static class ApprovalSubscriptionLine
{
    public const string Pending = "pending-confirmation";
    public const string Confirmed = "confirmed";
    public const string Missing = "not-subscribed";

    /// <param name="Endpoint">The approval e-mail address.</param>
    /// <param name="Status"><see cref="Pending"/>, <see cref="Confirmed"/> or <see cref="Missing"/>.</param>
    public sealed record Subscription(string Endpoint, string Topic, string Status);

    /// <summary>
    /// A reader of the subscription, or null when the target's stack has no approval e-mail. A stack named by a file or
    /// by <c>--approval-email</c> says the address; a stack named by <c>--name</c> alone reads it from the stack's record
    /// (one GetParameter, docs/stack-record.md; the address the stack was made with, a stack made from options only),
    /// and a stack without a record or without an address in it reads nothing more.
    /// </summary>
    public static Func<CancellationToken, Task<Subscription?>>? ReaderFor(OperatedTarget target, AwsSession session, CliConsole console)
    {
        if (target.Spec is { } spec)
        {
            return spec.ApprovalEmail is { } email ? token => ReadAsync(email, spec.ApprovalTopicName, session, console, token) : null;
        }

        return async token => await RecordedApprovalAsync(target.StackName, session, console, token).ConfigureAwait(false) is var (email, topic)
            ? await ReadAsync(email, topic, session, console, token).ConfigureAwait(false)
            : null;
    }

    /// <summary>The approval e-mail and topic the stack's record keeps for a stack made from options; null when there is none.</summary>
    private static async Task<(string Email, string Topic)?> RecordedApprovalAsync(string stackName, AwsSession session, CliConsole console, CancellationToken token)
    {
        try
        {
            var record = await new StackRecordStore(session.Ssm).ReadAsync(stackName, token).ConfigureAwait(false);
            return record?.Environments.GetValueOrDefault(StackRecord.SingleStack) is { ApprovalEmail: { } email } recorded
                ? (email, recorded.ApprovalTopicName)
                : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await console.Error.WriteLineAsync($"pipectl: warning: could not read the record of stack {TerminalText.Inline(stackName)} for its approval e-mail (pass --approval-email to name it): {TerminalText.Inline(e.Message)}").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<Subscription?> ReadAsync(string email, string topic, AwsSession session, CliConsole console, CancellationToken token)
    {
        try
        {
            var account = (await session.CallerAsync(token).ConfigureAwait(false)).Account;
            var arn = $"arn:{Pipectl.Core.Naming.AwsPartition.ForRegion(session.Region)}:sns:{session.Region}:{account}:{topic}";
            var found = (await session.Sns.ListSubscriptionsByTopicAsync(arn, token).ConfigureAwait(false))
                .Where(s => s.Protocol == "email" && string.Equals(s.Endpoint, email, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var status = found.Count == 0 ? Missing : found.Any(s => !s.IsPendingConfirmation) ? Confirmed : Pending;
            return new Subscription(email, topic, status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await console.Error.WriteLineAsync($"pipectl: warning: could not read the subscriptions of approval topic {TerminalText.Inline(topic)}: {TerminalText.Inline(e.Message)}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The line for a subscription that is not confirmed; null once it is. <paramref name="command"/> makes the suggested bootstrap (<see cref="OperatedTarget.Command"/>).</summary>
    public static string? Text(Subscription subscription, TextStyle style, Func<string, string?, string> command) => subscription.Status switch
    {
        Pending => style.Warn($"approval e-mail {TerminalText.Inline(subscription.Endpoint)}  pending confirmation: approval e-mails arrive only after the approver opens SNS's message and chooses \"Confirm subscription\""),
        Missing => style.Warn($"approval e-mail {TerminalText.Inline(subscription.Endpoint)}  not subscribed to topic {TerminalText.Inline(subscription.Topic)}: approval e-mails are not sent; `{command("bootstrap", null)}` subscribes it again"),
        _ => null,
    };

    public static void WriteJson(Utf8JsonWriter writer, Subscription? subscription)
    {
        if (subscription is null)
        {
            return;
        }

        writer.WriteStartObject("approvalSubscription");
        writer.WriteString("endpoint", subscription.Endpoint);
        writer.WriteString("topic", subscription.Topic);
        writer.WriteString("status", subscription.Status);
        writer.WriteEndObject();
    }
}
