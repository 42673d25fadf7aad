namespace Pipectl.Core.Resources;

/// <summary>A connection as CodeConnections reports it; <see cref="Status"/> is PENDING, AVAILABLE or ERROR.</summary>
public sealed record ConnectionState(string Name, string Arn, string ProviderType, string Status, IReadOnlyDictionary<string, string> Tags) : ITaggedState;
