namespace Pipectl.Aws.CodeBuild;

// The report-group and report shapes pipectl sends and reads (botocore codebuild 2016-10-06: CreateReportGroup,
// BatchGetReportGroups, UpdateReportGroup, DeleteReportGroup, BatchGetReports, DescribeTestCases).

/// <summary>Where a report group's raw results go: <c>exportConfigType</c> NO_EXPORT or S3.</summary>
public sealed record ReportExportConfig(string ExportConfigType);

/// <summary>CreateReportGroup input: the model requires name, type (TEST or CODE_COVERAGE) and exportConfig.</summary>
public sealed record CreateReportGroupRequest(string Name, string Type, ReportExportConfig ExportConfig, IReadOnlyList<CodeBuildTag>? Tags = null);

/// <summary>UpdateReportGroup input: only the ARN is required; the tag list given replaces the group's.</summary>
public sealed record UpdateReportGroupRequest(string Arn, ReportExportConfig? ExportConfig = null, IReadOnlyList<CodeBuildTag>? Tags = null);

/// <summary>CreateReportGroup and UpdateReportGroup output.</summary>
public sealed record ReportGroupReply(ReportGroup? ReportGroup);

/// <summary>BatchGetReportGroups input: 1 to 100 report group ARNs (the operation takes no names).</summary>
public sealed record BatchGetReportGroupsRequest(IReadOnlyList<string> ReportGroupArns);

/// <summary>BatchGetReportGroups output: the groups found, and the ARNs that were not.</summary>
public sealed record BatchGetReportGroupsReply(IReadOnlyList<ReportGroup>? ReportGroups, IReadOnlyList<string>? ReportGroupsNotFound = null);

/// <summary>DeleteReportGroup input; with <c>deleteReports</c> the group's reports go with it (else a group with reports is refused).</summary>
public sealed record DeleteReportGroupRequest(string Arn, bool? DeleteReports = null);

/// <summary>A report group as CodeBuild describes it.</summary>
public sealed record ReportGroup
{
    public string? Arn { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public ReportExportConfig? ExportConfig { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public IReadOnlyList<CodeBuildTag>? Tags { get; init; }
    public string? Status { get; init; }
}

/// <summary>BatchGetReports input: 1 to 100 report ARNs (a build's <c>reportArns</c>).</summary>
public sealed record BatchGetReportsRequest(IReadOnlyList<string> ReportArns);

/// <summary>BatchGetReports output.</summary>
public sealed record BatchGetReportsReply(IReadOnlyList<Report>? Reports, IReadOnlyList<string>? ReportsNotFound = null);

/// <summary>One report of one build: its group, status (SUCCEEDED, FAILED, INCOMPLETE, ...) and, for a test report, its summary.</summary>
public sealed record Report
{
    public string? Arn { get; init; }
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? ReportGroupArn { get; init; }
    public string? ExecutionId { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? Created { get; init; }
    public TestReportSummary? TestSummary { get; init; }
}

/// <summary>The test cases of a report: the total and a count per status (SUCCEEDED, FAILED, ERROR, SKIPPED, UNKNOWN).</summary>
public sealed record TestReportSummary(int Total, IReadOnlyDictionary<string, int>? StatusCounts, long DurationInNanoSeconds);

/// <summary>DescribeTestCases input: one report's test cases, filtered by status, paged.</summary>
public sealed record DescribeTestCasesRequest(string ReportArn, TestCaseFilter? Filter = null, string? NextToken = null, int? MaxResults = null);

/// <summary>A test-case filter: one status, or a keyword.</summary>
public sealed record TestCaseFilter(string? Status = null, string? Keyword = null);

/// <summary>DescribeTestCases output.</summary>
public sealed record DescribeTestCasesReply(IReadOnlyList<TestCase>? TestCases, string? NextToken = null);

/// <summary>One test case: prefix (the suite) and name, status, and the message of a failure.</summary>
public sealed record TestCase
{
    public string? ReportArn { get; init; }
    public string? Prefix { get; init; }
    public string? Name { get; init; }
    public string? Status { get; init; }
    public string? Message { get; init; }
}
