using System.Text.Json;
using Pipectl.Core.Provisioning;

namespace Pipectl.Cli.Output;

/// <summary>
/// A resource's <c>changes</c> in the JSON document: one object per attribute-level change,
/// <c>{attribute, kind, statement?, before, after, widens, summary}</c>, with policy statements, event
/// patterns and values as JSON.
/// </summary>
public static class PlanJson
{
    public static void WriteChanges(Utf8JsonWriter writer, ResourceOutcome resource)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resource);
        var details = resource.ChangeDetails();
        writer.WriteStartArray("changes");
        foreach (var change in details)
        {
            writer.WriteStartObject();
            writer.WriteString("attribute", change.Attribute);
            writer.WriteString("kind", Kind(change.Kind));
            if (change.Statement is not null)
            {
                writer.WriteString("statement", change.Statement);
            }

            writer.WritePropertyName("before");
            WriteNode(writer, change.Before);
            writer.WritePropertyName("after");
            WriteNode(writer, change.After);
            writer.WriteBoolean("widens", change.Widens);
            writer.WriteString("summary", change.Line);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };

    private static void WriteNode(Utf8JsonWriter writer, System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }
}
