using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipectl.Core.Tests.Export;

/// <summary>
/// A template as CloudFormation would see it in one account and region: every <c>Fn::Sub</c> replaced by its
/// string and every <c>Ref</c> to a parameter by the parameter's default (a <c>Ref</c> to a resource becomes
/// <c>ref:Id</c>, an attribute not given <c>getatt:Id.Attribute</c>). Tests compare the result with what bootstrap wants or made there.
/// </summary>
public static class TemplateResolution
{
    /// <param name="given">The values of parameters without a default and of resource attributes (<c>Distribution.Id</c>).</param>
    public static JsonObject Resolve(JsonObject template, string accountId, string region, string partition, string urlSuffix = "amazonaws.com", IReadOnlyDictionary<string, string>? given = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS::AccountId"] = accountId,
            ["AWS::Region"] = region,
            ["AWS::Partition"] = partition,
            ["AWS::URLSuffix"] = urlSuffix,
        };
        foreach (var (name, parameter) in template["Parameters"]?.AsObject() ?? [])
        {
            if ((string?)parameter!["Default"] is { } value)
            {
                values[name] = value;
            }
        }

        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return Resolve(template, values).AsObject();
    }

    /// <summary>The resources of <paramref name="resolved"/> of <paramref name="type"/>, by logical ID.</summary>
    public static IReadOnlyDictionary<string, JsonObject> OfType(JsonObject resolved, string type) =>
        resolved["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .ToDictionary(r => r.Key, r => r.Value!["Properties"]!.AsObject(), StringComparer.Ordinal);

    private static JsonNode Resolve(JsonNode node, IReadOnlyDictionary<string, string> values) => node switch
    {
        JsonObject { Count: 1 } o when o.ContainsKey("Fn::Sub") => JsonValue.Create(Substitute((string)o["Fn::Sub"]!, values))!,
        JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray { Count: 2 } a => JsonValue.Create(values.TryGetValue($"{a[0]}.{a[1]}", out var attribute) ? attribute : $"getatt:{a[0]}.{a[1]}")!,
        JsonObject { Count: 1 } o when o.ContainsKey("Ref") => JsonValue.Create(values.TryGetValue((string)o["Ref"]!, out var value) ? value : $"ref:{o["Ref"]}")!,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Resolve(p.Value!, values)))),
        JsonArray a => new JsonArray(a.Select(i => (JsonNode?)Resolve(i!, values)).ToArray()),
        _ => node.DeepClone(),
    };

    private static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        Regex.Replace(text, @"\$\{(!?)([^}]*)\}", m => m.Groups[1].Value == "!" ? "${" + m.Groups[2].Value + "}" : values[m.Groups[2].Value]);
}
