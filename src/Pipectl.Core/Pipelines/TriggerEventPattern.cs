using Pipectl.Core.Json;

namespace Pipectl.Core.Pipelines;

/// <summary>
/// The EventBridge event pattern that starts the pipeline: a branch of the repository was created or moved.
/// </summary>
public static class TriggerEventPattern
{
    /// <summary>The source CodeCommit's events come from.</summary>
    public const string Source = "aws.codecommit";

    /// <summary>The detail type of a push, branch creation or deletion.</summary>
    public const string DetailType = "CodeCommit Repository State Change";

    /// <summary>
    /// <c>{"source":["aws.codecommit"],"detail-type":[...],"resources":[repo ARN],"detail":{"event":
    /// ["referenceCreated","referenceUpdated"],"referenceType":["branch"],"referenceName":[branch]}}</c>,
    /// compact, keys in that order. Deleting the branch (referenceDeleted) does not start it.
    /// </summary>
    public static string Create(string repositoryArn, string branch)
    {
        ArgumentNullException.ThrowIfNull(repositoryArn);
        ArgumentNullException.ThrowIfNull(branch);
        return CanonicalJsonWriter.Write(writer =>
        {
            writer.WriteStartObject();
            CanonicalJsonWriter.WriteStringArray(writer, "source", [Source]);
            CanonicalJsonWriter.WriteStringArray(writer, "detail-type", [DetailType]);
            CanonicalJsonWriter.WriteStringArray(writer, "resources", [repositoryArn]);
            writer.WriteStartObject("detail");
            CanonicalJsonWriter.WriteStringArray(writer, "event", ["referenceCreated", "referenceUpdated"]);
            CanonicalJsonWriter.WriteStringArray(writer, "referenceType", ["branch"]);
            CanonicalJsonWriter.WriteStringArray(writer, "referenceName", [branch]);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
