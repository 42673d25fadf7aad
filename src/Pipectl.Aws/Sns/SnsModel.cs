namespace Pipectl.Aws.Sns;

// Shapes of the SNS operations pipectl calls (botocore sns 2010-03-31, Query protocol).

/// <summary>
/// One subscription of a topic (ListSubscriptionsByTopic). An email subscription that has not been confirmed
/// yet has the literal <see cref="PendingConfirmationArn"/> ("PendingConfirmation") as its SubscriptionArn.
/// </summary>
public sealed record SnsSubscription(string SubscriptionArn, string? Owner, string? Protocol, string? Endpoint, string? TopicArn)
{
    /// <summary>The SubscriptionArn ListSubscriptionsByTopic reports for a subscription that awaits confirmation.</summary>
    public const string PendingConfirmationArn = "PendingConfirmation";

    /// <summary>True while the endpoint has not confirmed the subscription.</summary>
    public bool IsPendingConfirmation => IsPending(SubscriptionArn);

    /// <summary>
    /// Whether a SubscriptionArn value means "not confirmed yet": "PendingConfirmation" in listings, and
    /// "pending confirmation" as Subscribe returns it for email endpoints when ReturnSubscriptionArn is not set.
    /// </summary>
    public static bool IsPending(string? subscriptionArn) =>
        string.Equals(subscriptionArn, PendingConfirmationArn, StringComparison.OrdinalIgnoreCase)
        || string.Equals(subscriptionArn, "pending confirmation", StringComparison.OrdinalIgnoreCase);
}
