using System.Text.Json;
using Pipectl.Core.Json;

namespace Pipectl.Core.Policies;

/// <summary>
/// An IAM or S3 bucket policy document. <see cref="ToJson"/> gives its canonical text: compact, keys always in
/// the order Version, Statement / Sid, Effect, Principal, Action, Resource, Condition, and Action and Resource
/// always arrays, so the same document always gives the same string.
/// </summary>
/// <param name="Statements">The statements, in order.</param>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>The only current policy language version.</summary>
    public const string Version = "2012-10-17";

    /// <summary>The canonical JSON text, ready to send to IAM or S3.</summary>
    public string ToJson() => CanonicalJsonWriter.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("Version", Version);
        writer.WriteStartArray("Statement");
        foreach (var statement in Statements)
        {
            WriteStatement(writer, statement);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <inheritdoc cref="ToJson"/>
    public override string ToString() => ToJson();

    private static void WriteStatement(Utf8JsonWriter writer, PolicyStatement statement)
    {
        writer.WriteStartObject();
        writer.WriteString("Sid", statement.Sid);
        writer.WriteString("Effect", statement.Effect);
        if (statement.Principal is { } principal)
        {
            if (principal == PolicyPrincipal.Anyone)
            {
                writer.WriteString("Principal", "*");
            }
            else
            {
                writer.WriteStartObject("Principal");
                writer.WriteString(principal.Kind, principal.Value);
                writer.WriteEndObject();
            }
        }

        CanonicalJsonWriter.WriteStringArray(writer, "Action", statement.Actions);
        if (statement.Resources.Count > 0)
        {
            CanonicalJsonWriter.WriteStringArray(writer, "Resource", statement.Resources);
        }

        if (statement.Conditions.Count > 0)
        {
            writer.WriteStartObject("Condition");
            foreach (var byOperator in statement.Conditions.GroupBy(c => c.Operator).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(byOperator.Key);
                foreach (var condition in byOperator.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(condition.Key, condition.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
