namespace Pipectl.Core.Pipelines;

/// <summary>One way an existing pipeline differs from the desired one.</summary>
/// <param name="Path">Where, e.g. <c>stages[Source].actions[Source].configuration.BranchName</c>.</param>
/// <param name="Desired">The desired value, or null when it should not be there.</param>
/// <param name="Actual">The value AWS has, or null when it is missing.</param>
public sealed record PipelineDifference(string Path, string? Desired, string? Actual)
{
    /// <summary>One line: <c>path: "actual" -> "desired"</c>, with <c>(none)</c> for a missing side.</summary>
    public override string ToString() => $"{Path}: {Show(Actual)} -> {Show(Desired)}";

    private static string Show(string? value) => value is null ? "(none)" : $"\"{value}\"";
}
