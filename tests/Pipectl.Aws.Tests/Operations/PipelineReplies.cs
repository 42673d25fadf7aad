using System.Globalization;

namespace Pipectl.Aws.Tests.Operations;

/// <summary>
/// GetPipelineState and ListPipelineExecutions replies shaped like the documented examples of the
/// CodePipeline API reference (camelCase, epoch-second dates), for the states an operator meets: in
/// progress, an approval waiting (in a stage that is not called "Approval"), failed with error details,
/// succeeded, and a pipeline that never ran. Times are relative to now so relative times read naturally.
/// </summary>
public static class PipelineReplies
{
    public const string Pipeline = "demo-pipeline";
    public const string ExecutionId = "3137f7cb-7cf7-4c4b-8b2e-5f0f4c6b7a11";
    public const string OlderExecutionId = "a0b1c2d3-0000-4000-8000-000000000001";
    public const string Commit = "317f8570a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0";
    public const string ApprovalToken = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string ApprovalStage = "Release";
    public const string ApprovalAction = "SignOff";

    /// <summary>Epoch seconds <paramref name="minutesAgo"/> minutes before now.</summary>
    public static string Ago(double minutesAgo) =>
        (DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Source done, Build running, Release and Deploy not reached yet by this execution.</summary>
    public static string StateInProgress() => State(
        Stage("Source", "Succeeded", SourceAction("Succeeded", 6)),
        Stage("Build", "InProgress", $$"""{"actionName":"Build","latestExecution":{"actionExecutionId":"b-2","status":"InProgress","lastStatusChange":{{Ago(4)}},"externalExecutionId":"demo-build:0b7bd3e8-1111-2222-3333-444455556666","externalExecutionUrl":"https://console.aws.amazon.com/codesuite/codebuild/projects/demo-build"} }"""),
        Stage("Release", null, """{"actionName":"SignOff"}"""),
        Stage("Deploy", null, """{"actionName":"Deploy"}"""));

    /// <summary>Build done; the manual approval "SignOff" in the stage "Release" waits with its token.</summary>
    public static string StatePendingApproval() => State(
        Stage("Source", "Succeeded", SourceAction("Succeeded", 9)),
        Stage("Build", "Succeeded", $$"""{"actionName":"Build","latestExecution":{"status":"Succeeded","summary":"Build succeeded","lastStatusChange":{{Ago(5)}} } }"""),
        Stage(ApprovalStage, "InProgress", $$"""{"actionName":"{{ApprovalAction}}","latestExecution":{"actionExecutionId":"r-2","status":"InProgress","lastStatusChange":{{Ago(2)}},"token":"{{ApprovalToken}}"} }"""),
        Stage("Deploy", "Succeeded", $$"""{"actionName":"Deploy","latestExecution":{"status":"Succeeded","lastStatusChange":{{Ago(3000)}} } }""", OlderExecutionId));

    /// <summary>The build failed with error details; nothing after it ran.</summary>
    public static string StateFailed() => State(
        Stage("Source", "Succeeded", SourceAction("Succeeded", 12)),
        Stage("Build", "Failed", $$"""{"actionName":"Build","latestExecution":{"status":"Failed","summary":"Build terminated with state: FAILED","lastStatusChange":{{Ago(7)}},"externalExecutionId":"demo-build:0b7bd3e8","errorDetails":{"code":"JobFailed","message":"Build terminated with state: FAILED"} } }"""),
        Stage("Release", null, """{"actionName":"SignOff"}"""),
        Stage("Deploy", null, """{"actionName":"Deploy"}"""));

    /// <summary>The build failed, and its action names the CodeBuild build (a full build id) it ran.</summary>
    public static string StateBuildFailed(string buildId) => State(
        Stage("Source", "Succeeded", SourceAction("Succeeded", 12)),
        Stage("Build", "Failed", $$"""{"actionName":"Build","latestExecution":{"status":"Failed","summary":"Build terminated with state: FAILED","lastStatusChange":{{Ago(7)}},"externalExecutionId":"{{buildId}}","errorDetails":{"code":"JobFailed","message":"Build terminated with state: FAILED"} } }"""),
        Stage("Deploy", null, """{"actionName":"Deploy"}"""));

    /// <summary>Build succeeded; the Test stage's CodeBuild action ran the build <paramref name="buildId"/> and ended <paramref name="status"/>.</summary>
    public static string StateTested(string buildId, string status) => State(
        Stage("Source", "Succeeded", SourceAction("Succeeded", 12)),
        Stage("Build", "Succeeded", $$"""{"actionName":"Build","latestExecution":{"status":"Succeeded","lastStatusChange":{{Ago(9)}},"externalExecutionId":"demo-build:0b7bd3e8-1111-2222-3333-444455556666"} }"""),
        Stage("Test", status, $$"""{"actionName":"Test","latestExecution":{"status":"{{status}}","lastStatusChange":{{Ago(4)}},"externalExecutionId":"{{buildId}}"} }"""),
        Stage("Deploy", null, """{"actionName":"Deploy"}"""));

    /// <summary>Every stage succeeded (the approval was approved: its token is gone).</summary>
    public static string StateSucceeded() => State(
        Stage("Source", "Succeeded", SourceAction("Succeeded", 20)),
        Stage("Build", "Succeeded", $$"""{"actionName":"Build","latestExecution":{"status":"Succeeded","lastStatusChange":{{Ago(15)}} } }"""),
        Stage(ApprovalStage, "Succeeded", $$"""{"actionName":"{{ApprovalAction}}","latestExecution":{"status":"Succeeded","summary":"Looks good","lastStatusChange":{{Ago(3)}},"lastUpdatedBy":"arn:aws:iam::123456789012:user/ops"} }"""),
        Stage("Deploy", "Succeeded", $$"""{"actionName":"Deploy","latestExecution":{"status":"Succeeded","lastStatusChange":{{Ago(1)}} } }"""));

    /// <summary>A pipeline that has never run: stages and actions without executions.</summary>
    public static string StateNeverRan() => State(
        Stage("Source", null, """{"actionName":"Source","entityUrl":"https://console.aws.amazon.com/codesuite/codecommit/repositories/demo/browse/refs/heads/main"}"""),
        Stage("Build", null, """{"actionName":"Build"}"""),
        Stage("Deploy", null, """{"actionName":"Deploy"}"""));

    /// <summary>ListPipelineExecutions with the execution in <paramref name="status"/> and an older succeeded one.</summary>
    public static string Executions(string status, string? stopReason = null)
    {
        var stop = stopReason is null ? string.Empty : $$""","stopTrigger":{"reason":"{{stopReason}}"}""";
        return $$"""
            {"pipelineExecutionSummaries":[
              {"pipelineExecutionId":"{{ExecutionId}}","status":"{{status}}","startTime":{{Ago(9)}},"lastUpdateTime":{{Ago(1)}},
               "sourceRevisions":[{"actionName":"Source","revisionId":"{{Commit}}","revisionSummary":"Update index.html\n\nSigned-off-by: dev","revisionUrl":"https://console.aws.amazon.com/codesuite/codecommit/repositories/demo/commit/{{Commit}}"}],
               "trigger":{"triggerType":"CloudWatchEvent","triggerDetail":"arn:aws:events:us-east-1:123456789012:rule/demo-trigger"},"executionMode":"SUPERSEDED"{{stop}} },
              {"pipelineExecutionId":"{{OlderExecutionId}}","status":"Succeeded","startTime":{{Ago(3100)}},"lastUpdateTime":{{Ago(3000)}},"sourceRevisions":[],
               "trigger":{"triggerType":"StartPipelineExecution","triggerDetail":"arn:aws:iam::123456789012:user/admin"} }]}
            """;
    }

    /// <summary>ListPipelineExecutions of a pipeline that never ran.</summary>
    public const string NoExecutions = """{"pipelineExecutionSummaries":[]}""";

    private static string SourceAction(string status, double minutesAgo) => $$"""
        {"actionName":"Source","currentRevision":{"revisionId":"{{Commit}}","revisionChangeId":"{{Commit}}","created":{{Ago(minutesAgo + 1)}} },
         "latestExecution":{"actionExecutionId":"s-2","status":"{{status}}","summary":"Update index.html","lastStatusChange":{{Ago(minutesAgo)}},"externalExecutionId":"{{Commit}}"},
         "entityUrl":"https://console.aws.amazon.com/codesuite/codecommit/repositories/demo/browse/refs/heads/main",
         "revisionUrl":"https://console.aws.amazon.com/codesuite/codecommit/repositories/demo/commit/{{Commit}}"}
        """;

    private static string Stage(string name, string? status, string action, string executionId = ExecutionId)
    {
        var latest = status is null ? string.Empty : $$""","latestExecution":{"pipelineExecutionId":"{{executionId}}","status":"{{status}}"}""";
        return $$"""{"stageName":"{{name}}","inboundTransitionState":{"enabled":true},"actionStates":[{{action}}]{{latest}} }""";
    }

    private static string State(params string[] stages) =>
        $$"""{"pipelineName":"{{Pipeline}}","pipelineVersion":3,"created":{{Ago(5000)}},"updated":{{Ago(4000)}},"stageStates":[{{string.Join(",", stages)}}]}""";
}
