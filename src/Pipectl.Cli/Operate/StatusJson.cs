using System.Text.Json;
using Pipectl.Cli.Output;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>
/// A pipeline's status as JSON members: pipeline, stages (with actions), latestExecution and pendingApproval.
/// The approval token is never written: it authorises a decision.
/// </summary>
public static class StatusJson
{
    /// <summary>Writes the status members into the object the writer is in.</summary>
    public static void WriteMembers(Utf8JsonWriter writer, PipelineStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.WriteString("pipeline", status.PipelineName);
        writer.WriteStartArray("stages");
        foreach (var stage in status.Stages)
        {
            writer.WriteStartObject();
            writer.WriteString("name", stage.Name);
            writer.WriteString("status", stage.Status);
            writer.WriteString("executionId", stage.ExecutionId);
            if (stage.TransitionDisabledReason is { } disabled)
            {
                writer.WriteString("transitionDisabled", disabled);
            }

            writer.WriteStartArray("actions");
            foreach (var action in stage.Actions)
            {
                WriteAction(writer, action);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("latestExecution");
        if (status.LatestExecution is { } latest)
        {
            writer.WriteStartObject();
            writer.WriteString("id", latest.Id);
            writer.WriteString("status", latest.Status);
            WriteTime(writer, "startTime", latest.StartTime);
            WriteTime(writer, "lastUpdateTime", latest.LastUpdateTime);
            writer.WriteString("sourceRevision", latest.SourceRevision);
            writer.WriteString("sourceSummary", latest.SourceSummary);
            if (latest.StopReason is not null)
            {
                writer.WriteString("stopReason", latest.StopReason);
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName("pendingApproval");
        if (ApprovalFinder.Find(status) is { } approval)
        {
            WriteApproval(writer, approval);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Where an approval waits: stage and action, never the token.</summary>
    public static void WriteApproval(Utf8JsonWriter writer, PendingApproval approval)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(approval);
        writer.WriteStartObject();
        writer.WriteString("stage", approval.StageName);
        writer.WriteString("action", approval.ActionName);
        writer.WriteEndObject();
    }

    private static void WriteAction(Utf8JsonWriter writer, ActionStatus action)
    {
        writer.WriteStartObject();
        writer.WriteString("name", action.Name);
        writer.WriteString("status", action.Status);
        WriteTime(writer, "lastChange", action.LastChange);
        writer.WriteString("summary", action.Summary);
        writer.WriteString("revision", action.Revision);
        writer.WriteBoolean("waitingForApproval", action.Status == PipelineStatuses.InProgress && !string.IsNullOrEmpty(action.ApprovalToken));
        writer.WritePropertyName("error");
        if (action.Error is { } error)
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, JsonText.Timestamp(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
