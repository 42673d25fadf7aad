using Pipectl.Core.Provisioning;

namespace Pipectl.Core.Resources;

/// <summary>
/// A CodeBuild report group of the Test stage: <see cref="Type"/> TEST or CODE_COVERAGE (as the buildspec's
/// file-format says), reports kept in CodeBuild only (export NO_EXPORT), owned through its tags. CodeBuild reads
/// report groups by ARN, so the spec carries the one the name makes in the stack's account and region.
/// </summary>
public sealed record ReportGroupSpec(string Name, string Arn, string Type, IReadOnlyDictionary<string, string> Tags) : IDesiredState<ReportGroupState>
{
    /// <summary>Reports stay in CodeBuild (30 days, as AWS keeps them); nothing is exported to S3.</summary>
    public const string NoExport = "NO_EXPORT";

    public IReadOnlyList<string> DifferencesFrom(ReportGroupState actual) => new Differences()
        .Compare("type", actual.Type, Type)
        .Compare("export", actual.ExportConfigType, NoExport)
        .CompareTags(actual.Tags, Tags);
}
