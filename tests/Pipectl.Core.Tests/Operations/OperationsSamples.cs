using Pipectl.Core.Operations;

namespace Pipectl.Core.Tests.Operations;

/// <summary>Pipeline statuses the operator tests share.</summary>
internal static class OperationsSamples
{
    public const string Token = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static PipelineExecution Execution(string status, string id = "e-2") => new(id, status, Now.AddMinutes(-9), Now.AddMinutes(-1), "317f8570", "Update index.html");

    public static PipelineStatus Status(string executionStatus, params StageStatus[] stages) =>
        new("demo-pipeline", stages, [Execution(executionStatus), Execution(PipelineStatuses.Succeeded, "e-1")]);

    public static StageStatus Stage(string name, string? status, params ActionStatus[] actions) => new(name, status, status is null ? null : "e-2", actions);

    public static StageStatus WaitingApproval(string stage = "Release", string action = "SignOff") =>
        Stage(stage, PipelineStatuses.InProgress, new ActionStatus(action, PipelineStatuses.InProgress, Now.AddMinutes(-2), ApprovalToken: Token));
}
