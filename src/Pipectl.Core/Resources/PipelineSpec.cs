using System.Text.Json.Nodes;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>A CodePipeline: its declaration and tags.</summary>
public sealed record PipelineSpec(PipelineDeclaration Declaration, IReadOnlyDictionary<string, string> Tags) : IDesiredState<PipelineState>
{
    public string Name => Declaration.Name;

    public IReadOnlyList<string> DifferencesFrom(PipelineState actual)
    {
        var differences = new Differences();
        differences.AddRange(PipelineDeclarationComparer.Differences(Declaration, actual.Declaration).Select(d => new ResourceChange(
            d.Path,
            d.Actual is null ? ChangeKind.Added : d.Desired is null ? ChangeKind.Removed : ChangeKind.Changed,
            d.Actual is null ? null : JsonValue.Create(d.Actual),
            d.Desired is null ? null : JsonValue.Create(d.Desired),
            d.ToString())));
        return differences.CompareTags(actual.Tags, Tags);
    }
}
