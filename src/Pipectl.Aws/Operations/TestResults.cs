namespace Pipectl.Aws.Operations;

/// <summary>
/// What the latest Test stage run reported: the build, and per report its counts and failing test names. No
/// <paramref name="BuildId"/>: the stage has not run yet; no <paramref name="Reports"/>: the build made no report.
/// </summary>
public sealed record TestResults(string? BuildId, string? BuildStatus, IReadOnlyList<TestReportResult> Reports);

/// <summary>One report of a test build. Failed counts CodeBuild's FAILED and ERROR test cases alike.</summary>
public sealed record TestReportResult(string ReportGroup, string? Status, int Total, int Passed, int Failed, int Skipped, IReadOnlyList<string> FailingTests);
