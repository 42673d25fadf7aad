using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Resources;

/// <summary>
/// Hides, in what a plan prints, the parameter and secret references of build variables: the build role's
/// policy names them in ARNs (it may read exactly those), and pipectl never prints a variable's value, a
/// reference included. In every ARN of a text or document, a reference becomes <c>&lt;NAME&gt;</c>, the
/// variable's name, so the statement still reads: <c>arn:aws:secretsmanager:...:secret:&lt;API_KEY&gt;-??????</c>.
/// </summary>
public sealed partial class ReferenceRedactor
{
    // Unescaped, a reference reads in the JSON text as it does in its ARN (the default escapes '+', '<', '>').
    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly IReadOnlyList<KeyValuePair<string, string>> _references;

    private ReferenceRedactor(IReadOnlyList<KeyValuePair<string, string>> references) => _references = references;

    public static ReferenceRedactor None { get; } = new([]);

    /// <summary>The redactor of the reference variables of <paramref name="projects"/>.</summary>
    public static ReferenceRedactor For(IEnumerable<BuildProjectSpec> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var references = projects
            .SelectMany(p => p.EnvironmentVariables)
            .Where(v => v.Value.IsReference)
            .Select(v => new KeyValuePair<string, string>(Reference(v.Value), $"<{v.Key}>"))
            .Where(r => r.Key.Length > 0)
            .DistinctBy(r => r.Key, StringComparer.Ordinal)
            .OrderByDescending(r => r.Key.Length) // the longer first: one reference may contain another
            .ToList();
        return references.Count == 0 ? None : new ReferenceRedactor(references);
    }

    /// <summary><paramref name="outcome"/> with every reference hidden in its desired document and its changes.</summary>
    public ResourceOutcome Redact(ResourceOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (_references.Count == 0)
        {
            return outcome;
        }

        return outcome with
        {
            Desired = Redact(outcome.Desired) as JsonObject,
            Changes = [.. outcome.Changes.Select(Redact)],
            Details = [.. outcome.Details.Select(d => d with { Before = Redact(d.Before), After = Redact(d.After), Line = Redact(d.Line) })],
        };
    }

    /// <summary><paramref name="text"/> with every reference inside an ARN replaced.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _references.Count == 0 ? text : Arn().Replace(text, match => _references.Aggregate(match.Value, (arn, r) => arn.Replace(r.Key, r.Value, StringComparison.Ordinal)));
    }

    private JsonNode? Redact(JsonNode? node) => node is null ? null : JsonNode.Parse(Redact(node.ToJsonString(Unescaped)));

    /// <summary>What of a variable's value appears in the ARN the build role is granted.</summary>
    private static string Reference(BuildVariable variable) => variable.Type == BuildVariableTypes.SecretsManager
        ? BuildVariableRules.SecretId(variable.Value) ?? string.Empty
        : variable.Value.StartsWith("arn:", StringComparison.Ordinal) ? variable.Value : variable.Value.TrimStart('/');

    [GeneratedRegex("arn:[^\\s,\"\\]]+")]
    private static partial Regex Arn();
}
