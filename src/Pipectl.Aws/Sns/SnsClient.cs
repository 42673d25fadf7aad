using System.Xml.Linq;
using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.Aws.Sns;

/// <summary>pipectl's own SNS client (Query protocol, regional endpoint, signed "sns" in the session's region).</summary>
public class SnsClient(AWSCredentials credentials, PipectlClientConfig<SnsFacts> config, ApiCallCounter? counter = null)
    : QueryServiceClient<SnsFacts>(credentials, config, counter)
{
    /// <summary>CreateTopic: the topic's ARN (idempotent for the same name and attributes).</summary>
    public virtual async Task<string> CreateTopicAsync(
        string name,
        IReadOnlyDictionary<string, string>? attributes = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("Name", name)
            .AddMap("Attributes", attributes)
            .AddStructList("Tags", tags, TagFields);
        var result = await InvokeQueryAsync("CreateTopic", parameters, cancellationToken).ConfigureAwait(false);
        return result.ChildText("TopicArn") ?? string.Empty;
    }

    /// <summary>
    /// Subscribe: the subscription's ARN. For an email endpoint it is "PendingConfirmation" until the recipient
    /// confirms, unless <paramref name="returnSubscriptionArn"/> is true (then SNS returns the ARN at once).
    /// </summary>
    public virtual async Task<string> SubscribeAsync(
        string topicArn,
        string protocol,
        string? endpoint,
        bool? returnSubscriptionArn = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("TopicArn", topicArn)
            .Add("Protocol", protocol)
            .Add("Endpoint", endpoint)
            .AddBool("ReturnSubscriptionArn", returnSubscriptionArn);
        var result = await InvokeQueryAsync("Subscribe", parameters, cancellationToken).ConfigureAwait(false);
        return result.ChildText("SubscriptionArn") ?? string.Empty;
    }

    /// <summary>ListSubscriptionsByTopic: every subscription of the topic, following NextToken to the last page.</summary>
    public virtual async Task<IReadOnlyList<SnsSubscription>> ListSubscriptionsByTopicAsync(string topicArn, CancellationToken cancellationToken = default)
    {
        var subscriptions = new List<SnsSubscription>();
        string? token = null;
        do
        {
            var result = await InvokeQueryAsync("ListSubscriptionsByTopic", new QueryParameters().Add("TopicArn", topicArn).Add("NextToken", token), cancellationToken).ConfigureAwait(false);
            subscriptions.AddRange(result.Child("Subscriptions").Members().Select(ReadSubscription));
            token = result.ChildText("NextToken") is { Length: > 0 } next ? next : null;
        }
        while (token is not null);

        return subscriptions;
    }

    /// <summary>DeleteTopic: deletes the topic and its subscriptions (AWS answers success for a missing topic).</summary>
    public virtual Task DeleteTopicAsync(string topicArn, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync("DeleteTopic", new QueryParameters().Add("TopicArn", topicArn), cancellationToken);

    /// <summary>ListTagsForResource: the tags of a topic.</summary>
    public virtual async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        var result = await InvokeQueryAsync("ListTagsForResource", new QueryParameters().Add("ResourceArn", resourceArn), cancellationToken).ConfigureAwait(false);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in result.Child("Tags").Members())
        {
            tags[member.ChildText("Key") ?? string.Empty] = member.ChildText("Value") ?? string.Empty;
        }

        return tags;
    }

    private static SnsSubscription ReadSubscription(XElement member) => new(
        member.ChildText("SubscriptionArn") ?? string.Empty,
        member.ChildText("Owner"),
        member.ChildText("Protocol"),
        member.ChildText("Endpoint"),
        member.ChildText("TopicArn"));

    private static IEnumerable<KeyValuePair<string, string?>> TagFields(KeyValuePair<string, string> tag) =>
        [new("Key", tag.Key), new("Value", tag.Value)];
}
