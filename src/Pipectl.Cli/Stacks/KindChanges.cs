using Pipectl.Core.Pipelines;
using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Stacks;

/// <summary>
/// What a plan changes about the kind of the stack, read from its pipeline's differences: the site type (an
/// Invalidate stage comes or goes: S3 website and CloudFront) and the deploy target (the Deploy stage's provider:
/// S3 and ECS). The widening question says so, since the permissions it asks about follow from it.
/// </summary>
public static class KindChanges
{
    public static IReadOnlyList<string> Of(IReadOnlyList<ResourceOutcome> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pipeline = plan.FirstOrDefault(o => o.Type == ResourceTypes.Pipeline);
        if (pipeline is null)
        {
            return [];
        }

        var lines = new List<string>();
        var deployStage = $"stages[{PipelineDeclarationFactory.DeployStageName}].actions[";
        var before = new SortedSet<string>(StringComparer.Ordinal);
        var after = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var change in pipeline.ChangeDetails())
        {
            if (change.Attribute == "stages")
            {
                var had = Text(change.Before).Contains(PipelineDeclarationFactory.InvalidateStageName, StringComparison.Ordinal);
                var has = Text(change.After).Contains(PipelineDeclarationFactory.InvalidateStageName, StringComparison.Ordinal);
                if (had != has)
                {
                    lines.Add(has ? "the site type changes: S3 website -> CloudFront" : "the site type changes: CloudFront -> S3 website");
                }
            }
            else if (change.Attribute.StartsWith(deployStage, StringComparison.Ordinal) && (change.Attribute.EndsWith(']') || change.Attribute.EndsWith(".provider", StringComparison.Ordinal)))
            {
                AddIfAny(before, Text(change.Before));
                AddIfAny(after, Text(change.After));
            }
        }

        if (!before.SetEquals(after) && (before.Count > 0 || after.Count > 0))
        {
            lines.Add($"the deploy target changes: {Show(before)} -> {Show(after)}");
        }

        return lines;
    }

    private static string Text(System.Text.Json.Nodes.JsonNode? node) => node?.ToString() ?? string.Empty;

    private static void AddIfAny(SortedSet<string> set, string value)
    {
        if (value.Length > 0)
        {
            set.Add(value);
        }
    }

    private static string Show(SortedSet<string> providers) => providers.Count == 0 ? "(none)" : string.Join(", ", providers);
}
