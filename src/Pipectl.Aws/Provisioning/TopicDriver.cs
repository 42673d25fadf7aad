using Pipectl.Aws.Errors;
using Pipectl.Aws.Sns;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// The approval topic and its email subscription. CreateTopic is idempotent in SNS (same name, same
/// attributes: same ARN), so a lost reply is harmless; a subscription is added only when the address has
/// none yet (confirmed or pending), so re-runs never mail the address again.
/// </summary>
/// <param name="account">The caller's account (part of the topic's ARN), which may still be being asked for.</param>
public sealed class TopicDriver(SnsClient sns, string region, Task<string> account) : IResourceDriver<TopicSpec, TopicState>
{
    public TopicDriver(SnsClient sns, string region, string accountId)
        : this(sns, region, Task.FromResult(accountId))
    {
    }

    private const string EmailProtocol = "email";

    public string Type => ResourceTypes.Topic;

    public string? ArnOf(TopicState state) => state.Arn;

    public async Task DeleteAsync(TopicState actual, CancellationToken cancellationToken)
    {
        // SNS removes a topic's subscriptions with it, and answers success for a topic already gone.
        await sns.DeleteTopicAsync(actual.Arn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Its reads name the topic by an ARN of its name and the account, which the read waits for itself.</summary>
    public bool ReadsByName => true;

    public async Task<TopicState?> ReadAsync(TopicSpec desired, CancellationToken cancellationToken)
    {
        var arn = await ArnForAsync(desired.Name).ConfigureAwait(false);
        try
        {
            var tags = sns.ListTagsForResourceAsync(arn, cancellationToken);
            var subscriptions = sns.ListSubscriptionsByTopicAsync(arn, cancellationToken);
            await Task.WhenAll(tags, subscriptions).ConfigureAwait(false);
            var emails = (await subscriptions.ConfigureAwait(false))
                .Where(s => s.Protocol == EmailProtocol && s.Endpoint is not null)
                .Select(s => s.Endpoint!)
                .ToList();
            return new TopicState(desired.Name, arn, emails, await tags.ConfigureAwait(false));
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task<TopicState> CreateAsync(TopicSpec desired, CancellationToken cancellationToken)
    {
        var arn = await sns.CreateTopicAsync(desired.Name, tags: desired.Tags, cancellationToken: cancellationToken).ConfigureAwait(false);
        await sns.SubscribeAsync(arn, EmailProtocol, desired.Email, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new TopicState(desired.Name, arn, [desired.Email], desired.Tags);
    }

    public async Task<TopicState> UpdateAsync(TopicSpec desired, TopicState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        if (!actual.EmailSubscriptions.Contains(desired.Email, StringComparer.OrdinalIgnoreCase))
        {
            await sns.SubscribeAsync(actual.Arn, EmailProtocol, desired.Email, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (desired.Tags.Any(t => !actual.Tags.TryGetValue(t.Key, out var v) || v != t.Value))
        {
            // CreateTopic on an existing topic with tags adds them (SNS has no TagResource in pipectl's client set).
            await sns.CreateTopicAsync(desired.Name, tags: desired.Tags, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return actual with { EmailSubscriptions = [.. actual.EmailSubscriptions, desired.Email], Tags = desired.Tags };
    }

    private async Task<string> ArnForAsync(string name) => $"arn:{Pipectl.Core.Naming.AwsPartition.ForRegion(region)}:sns:{region}:{await account.ConfigureAwait(false)}:{name}";
}
