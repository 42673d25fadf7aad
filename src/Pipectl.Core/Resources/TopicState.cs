namespace Pipectl.Core.Resources;

/// <summary>An SNS topic and the email addresses subscribed to it (confirmed or pending).</summary>
public sealed record TopicState(string Name, string Arn, IReadOnlyList<string> EmailSubscriptions, IReadOnlyDictionary<string, string> Tags) : ITaggedState;
