namespace Pipectl.Core.Buildspecs;

/// <summary>One report group of a buildspec's <c>reports:</c> section: its name there and its report type (TEST or CODE_COVERAGE).</summary>
public sealed record BuildspecReport(string Name, string Type)
{
    /// <summary>True when the buildspec names an existing group by ARN instead of by name.</summary>
    public bool IsArn => Name.StartsWith("arn:", StringComparison.Ordinal);
}
