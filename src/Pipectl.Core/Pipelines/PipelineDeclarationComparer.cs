using Pipectl.Core.Stacks;

namespace Pipectl.Core.Pipelines;

/// <summary>
/// Lists how an existing pipeline differs from the desired one (for "would-update: what differs" and to decide
/// whether UpdatePipeline is needed), ignoring what AWS fills in: the version, a run order of 1 when none was
/// given, an execution mode when none was asked for, and a missing pipeline type (V1).
/// </summary>
public static class PipelineDeclarationComparer
{
    /// <summary>Every difference, empty when <paramref name="actual"/> already is what <paramref name="desired"/> asks.</summary>
    public static IReadOnlyList<PipelineDifference> Differences(PipelineDeclaration desired, PipelineDeclaration actual)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<PipelineDifference>();
        Compare(differences, "name", desired.Name, actual.Name);
        Compare(differences, "roleArn", desired.RoleArn, actual.RoleArn);
        Compare(differences, "artifactStore.type", desired.ArtifactStore.Type, actual.ArtifactStore.Type);
        Compare(differences, "artifactStore.location", desired.ArtifactStore.Location, actual.ArtifactStore.Location);
        Compare(differences, "pipelineType", desired.PipelineType ?? PipelineTypes.V1, actual.PipelineType ?? PipelineTypes.V1);
        if (desired.ExecutionMode is not null)
        {
            Compare(differences, "executionMode", desired.ExecutionMode, actual.ExecutionMode);
        }

        Compare(differences, "triggers", Triggers(desired), Triggers(actual));
        var desiredOrder = desired.Stages.Select(s => s.Name).ToList();
        var actualOrder = actual.Stages.Select(s => s.Name).ToList();
        if (!desiredOrder.SequenceEqual(actualOrder, StringComparer.Ordinal))
        {
            differences.Add(new PipelineDifference("stages", string.Join(" -> ", desiredOrder), string.Join(" -> ", actualOrder)));
        }

        foreach (var desiredStage in desired.Stages)
        {
            var actualStage = actual.Stages.FirstOrDefault(s => s.Name == desiredStage.Name);
            if (actualStage is not null)
            {
                CompareStage(differences, desiredStage, actualStage);
            }
        }

        return differences;
    }

    private static void CompareStage(List<PipelineDifference> differences, PipelineStage desired, PipelineStage actual)
    {
        var path = $"stages[{desired.Name}]";
        foreach (var missing in actual.Actions.Where(a => desired.Actions.All(d => d.Name != a.Name)))
        {
            differences.Add(new PipelineDifference($"{path}.actions[{missing.Name}]", null, missing.Provider));
        }

        foreach (var desiredAction in desired.Actions)
        {
            var actionPath = $"{path}.actions[{desiredAction.Name}]";
            var actualAction = actual.Actions.FirstOrDefault(a => a.Name == desiredAction.Name);
            if (actualAction is null)
            {
                differences.Add(new PipelineDifference(actionPath, desiredAction.Provider, null));
                continue;
            }

            CompareAction(differences, actionPath, desiredAction, actualAction);
        }
    }

    private static void CompareAction(List<PipelineDifference> differences, string path, PipelineAction desired, PipelineAction actual)
    {
        Compare(differences, $"{path}.category", desired.Category, actual.Category);
        Compare(differences, $"{path}.owner", desired.Owner, actual.Owner);
        Compare(differences, $"{path}.provider", desired.Provider, actual.Provider);
        Compare(differences, $"{path}.version", desired.Version, actual.Version);
        Compare(differences, $"{path}.runOrder", (desired.RunOrder ?? 1).ToString(), (actual.RunOrder ?? 1).ToString());
        Compare(differences, $"{path}.roleArn", Blank(desired.RoleArn), Blank(actual.RoleArn));
        Compare(differences, $"{path}.inputArtifacts", Join(desired.InputArtifacts), Join(actual.InputArtifacts));
        Compare(differences, $"{path}.outputArtifacts", Join(desired.OutputArtifacts), Join(actual.OutputArtifacts));
        foreach (var key in desired.Configuration.Keys.Union(actual.Configuration.Keys).Order(StringComparer.Ordinal))
        {
            Compare(
                differences,
                $"{path}.configuration.{key}",
                desired.Configuration.TryGetValue(key, out var wanted) ? wanted : null,
                actual.Configuration.TryGetValue(key, out var has) ? has : null);
        }
    }

    private static void Compare(List<PipelineDifference> differences, string path, string? desired, string? actual)
    {
        if (!string.Equals(desired, actual, StringComparison.Ordinal))
        {
            differences.Add(new PipelineDifference(path, desired, actual));
        }
    }

    private static string? Triggers(PipelineDeclaration declaration) =>
        declaration.Triggers.Count == 0 ? null : string.Join("; ", declaration.Triggers.Select(t => t.Describe()));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(",", values);
}
