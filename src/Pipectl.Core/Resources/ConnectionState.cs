namespace Pipectl.Core.Resources;

/// <summary>A connection as CodeConnections reports it; <see cref="Status"/> is PENDING, AVAILABLE or ERROR.</summary>
public sealed record ConnectionState(string Name, string Arn, string ProviderType, string Status, IReadOnlyDictionary<string, string> Tags) : ITaggedState
{
    /// <summary>
    /// Other connections of the same name and provider whose tags say they are the stack's too (two runs at once each
    /// made one; AWS does not refuse a second name): teardown deletes them with this one.
    /// </summary>
    public IReadOnlyList<string> OwnedCopies { get; init; } = [];
}
