namespace Pipectl.Core.Resources;

/// <summary>A CodeBuild report group as read back: its type, where its reports are exported, its tags.</summary>
public sealed record ReportGroupState(string Name, string Arn, string Type, string? ExportConfigType, IReadOnlyDictionary<string, string> Tags) : ITaggedState;
