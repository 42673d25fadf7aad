using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipectl.Core.Export;

/// <summary>
/// Stand-ins for what a CloudFormation template leaves to the account it is deployed in. The stack is built
/// from a spec whose stack name, account, region and branches are these tokens, through the same code
/// bootstrap runs; <see cref="Render"/> then turns every string that carries one into <c>Fn::Sub</c> with the
/// matching pseudo-parameter or template parameter. The tokens are plain text that survives JSON (policy
/// documents and the event pattern are JSON strings inside the specs) and can never be a real name.
/// </summary>
public static partial class TemplateTokens
{
    public const string AccountId = "@@AWS::AccountId@@";
    public const string Region = "@@AWS::Region@@";
    public const string Partition = "@@AWS::Partition@@";
    public const string UrlSuffix = "@@AWS::URLSuffix@@";

    /// <summary>The template parameter that names the stack (every derived name and the stack tag carry it).</summary>
    public const string StackNameParameter = "StackName";

    /// <summary>The stack-name token.</summary>
    public static string StackName { get; } = Token(StackNameParameter);

    /// <summary>The token of an attribute of a template resource: <c>${LogicalId.Attribute}</c> in <c>Fn::Sub</c> (an <c>Fn::GetAtt</c>).</summary>
    public static string Attribute(string logicalId, string attribute) => Token($"{logicalId}.{attribute}");

    /// <summary>The token of the template parameter <paramref name="parameter"/>.</summary>
    public static string Token(string parameter) => $"@@{parameter}@@";

    /// <summary>
    /// A string pipectl derived (a name, an ARN, a policy value) as a template value: itself when it carries no
    /// token, else <c>Fn::Sub</c> (a literal <c>${</c> escaped as <c>${!</c>). ARNs pipectl spells with the
    /// partition of the region; here the partition is the deployment's.
    /// </summary>
    public static JsonNode Render(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var partitioned = value.Replace("arn:aws:", $"arn:{Partition}:", StringComparison.Ordinal);
        if (!TokenPattern().IsMatch(partitioned))
        {
            return JsonValue.Create(value);
        }

        if (TokenPattern().Match(partitioned) is { Success: true } whole && whole.Length == partitioned.Length && whole.Groups[1].Value.Split('.') is [var resource, var attribute])
        {
            // A value that is an attribute and nothing else: Fn::GetAtt itself.
            return new JsonObject { ["Fn::GetAtt"] = new JsonArray(resource, attribute) };
        }

        var escaped = partitioned.Replace("${", "${!", StringComparison.Ordinal);
        return new JsonObject { ["Fn::Sub"] = TokenPattern().Replace(escaped, m => "${" + m.Groups[1].Value + "}") };
    }

    /// <summary>A JSON document pipectl derived (a policy, an event pattern) as a template object, every string rendered.</summary>
    public static JsonNode RenderDocument(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return RenderNode(JsonNode.Parse(json));
    }

    /// <summary>True when <paramref name="value"/> carries a token (it depends on where the template is deployed).</summary>
    public static bool HasToken(string value) => TokenPattern().IsMatch(value);

    private static JsonNode RenderNode(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)RenderNode(p.Value)))),
        JsonArray a => new JsonArray(a.Select(i => (JsonNode?)RenderNode(i)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => Render(s),
        null => throw new ArgumentException("A document pipectl derives has no null values."),
        _ => node.DeepClone(),
    };

    [GeneratedRegex(@"@@((?:AWS::)?[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)?)@@")]
    private static partial Regex TokenPattern();
}
