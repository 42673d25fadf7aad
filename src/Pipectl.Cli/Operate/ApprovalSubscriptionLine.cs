using System.Text.Json;
using Pipectl.Aws.Session;
using Pipectl.Aws.Sns;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Operate;

/// <summary>
/// The approval e-mail's subscription in <c>pipectl status -f pipectl.yaml</c> when the stack mails its approvals:
/// SNS delivers nothing to the address until its owner confirms, so status says so while it is pending. Two reads
/// (GetCallerIdentity for the topic's ARN, ListSubscriptionsByTopic); a failed read is a warning, not a failed status.
/// </summary>
internal static class ApprovalSubscriptionLine
{
    public const string Pending = "pending-confirmation";
    public const string Confirmed = "confirmed";
    public const string Missing = "not-subscribed";

    /// <param name="Endpoint">The approval e-mail address.</param>
    /// <param name="Status"><see cref="Pending"/>, <see cref="Confirmed"/> or <see cref="Missing"/>.</param>
    public sealed record Subscription(string Endpoint, string Topic, string Status);

    /// <summary>A reader of the subscription, or null when the target's stack has no approval e-mail (or is not known from a file).</summary>
    public static Func<CancellationToken, Task<Subscription?>>? ReaderFor(OperatedTarget target, AwsSession session, CliConsole console)
    {
        if (target.Spec is not { ApprovalEmail: { } email } spec)
        {
            return null;
        }

        return async token =>
        {
            try
            {
                var account = (await session.CallerAsync(token).ConfigureAwait(false)).Account;
                var arn = $"arn:{Pipectl.Core.Naming.AwsPartition.ForRegion(session.Region)}:sns:{session.Region}:{account}:{spec.ApprovalTopicName}";
                var found = (await session.Sns.ListSubscriptionsByTopicAsync(arn, token).ConfigureAwait(false))
                    .Where(s => s.Protocol == "email" && string.Equals(s.Endpoint, email, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                var status = found.Count == 0 ? Missing : found.Any(s => !s.IsPendingConfirmation) ? Confirmed : Pending;
                return new Subscription(email, spec.ApprovalTopicName, status);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await console.Error.WriteLineAsync($"pipectl: warning: could not read the subscriptions of approval topic {TerminalText.Inline(spec.ApprovalTopicName)}: {TerminalText.Inline(e.Message)}").ConfigureAwait(false);
                return null;
            }
        };
    }

    /// <summary>The line for a subscription that is not confirmed; null once it is. <paramref name="stackArguments"/> name the stack in the suggested bootstrap.</summary>
    public static string? Text(Subscription subscription, TextStyle style, string stackArguments) => subscription.Status switch
    {
        Pending => style.Warn($"approval e-mail {TerminalText.Inline(subscription.Endpoint)}  pending confirmation: approval e-mails arrive only after the approver opens SNS's message and chooses \"Confirm subscription\""),
        Missing => style.Warn($"approval e-mail {TerminalText.Inline(subscription.Endpoint)}  not subscribed to topic {TerminalText.Inline(subscription.Topic)}: approval e-mails are not sent; `pipectl bootstrap {stackArguments}` subscribes it again"),
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
