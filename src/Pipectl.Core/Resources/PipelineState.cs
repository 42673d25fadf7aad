using Pipectl.Core.Pipelines;

namespace Pipectl.Core.Resources;

/// <summary>A pipeline as read back: its declaration (with the version AWS keeps) and tags.</summary>
public sealed record PipelineState(string Arn, PipelineDeclaration Declaration, IReadOnlyDictionary<string, string> Tags) : ITaggedState;
