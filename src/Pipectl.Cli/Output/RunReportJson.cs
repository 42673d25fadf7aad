using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>The one JSON document a verb prints on stdout with --output json (DESIGN.md).</summary>
public static class RunReportJson
{
    public static string Write(RunReport report) => JsonText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("command", report.Command);
        writer.WriteString("stack", report.Stack);
        writer.WriteString("region", report.Region);
        writer.WriteString("account", report.Account);
        writer.WriteBoolean("dryRun", report.DryRun);
        if (report.Note is not null)
        {
            writer.WriteString("note", report.Note);
        }

        writer.WriteStartArray("resources");
        foreach (var resource in report.Listed)
        {
            writer.WriteStartObject();
            writer.WriteString("type", resource.Type);
            writer.WriteString("name", resource.Name);
            writer.WriteString("arn", resource.Arn);
            writer.WriteString("action", resource.Action.ToWire());
            if (resource.Changes.Count > 0)
            {
                writer.WriteStartArray("changes");
                foreach (var change in resource.Changes)
                {
                    writer.WriteStringValue(change);
                }

                writer.WriteEndArray();
            }

            if (resource.Note is not null)
            {
                writer.WriteString("note", resource.Note);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("outputs");
        foreach (var (key, value) in report.Outputs)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("apiCalls");
        writer.WriteNumber("total", report.ApiCallsTotal);
        writer.WriteNumber("mutating", report.ApiCallsMutating);
        writer.WriteStartObject("operations");
        foreach (var (operation, count) in report.ApiCallsByOperation)
        {
            writer.WriteNumber(operation, count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        if (report.ErrorCode is not null || report.ErrorMessage is not null)
        {
            ErrorJson.WriteMember(writer, report.ErrorCode ?? "Failed", report.ErrorMessage ?? string.Empty, report.ErrorCause);
        }

        writer.WriteEndObject();
    });
}
