using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>The SNS topic approval requests are mailed through, with one email subscription.</summary>
public sealed record TopicSpec(string Name, string Email, IReadOnlyDictionary<string, string> Tags) : IDesiredState<TopicState>
{
    public IReadOnlyList<string> DifferencesFrom(TopicState actual)
    {
        var differences = new Differences();
        if (!actual.EmailSubscriptions.Contains(Email, StringComparer.OrdinalIgnoreCase))
        {
            differences.Add($"email subscription: {Email} missing");
        }

        return differences.CompareTags(actual.Tags, Tags);
    }
}
