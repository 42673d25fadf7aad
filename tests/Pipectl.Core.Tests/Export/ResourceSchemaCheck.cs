using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipectl.Core.Tests.Buildspecs;

namespace Pipectl.Core.Tests.Export;

/// <summary>
/// Checks a CloudFormation template against the registry resource schemas in schemas/cloudformation (the
/// JSON Schema subset they use): every property exists (additionalProperties false), has the schema's type,
/// passes its pattern, enum, const, length, range and item-count rules, and every required property (and
/// requiredOr/requiredXor group) is there. An <c>Fn::Sub</c> value is checked as the string it resolves to
/// with each of <see cref="Deployments"/>; a <c>Ref</c> must name a parameter or resource of the template.
/// </summary>
public sealed class ResourceSchemaCheck
{
    /// <summary>Where the template could be deployed: the pseudo-parameter values its strings are resolved with.</summary>
    public static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Deployments =
    [
        new Dictionary<string, string> { ["AWS::AccountId"] = "123456789012", ["AWS::Region"] = "us-east-1", ["AWS::Partition"] = "aws", ["AWS::URLSuffix"] = "amazonaws.com" },
        new Dictionary<string, string> { ["AWS::AccountId"] = "210987654321", ["AWS::Region"] = "cn-northwest-1", ["AWS::Partition"] = "aws-cn", ["AWS::URLSuffix"] = "amazonaws.com.cn" },
    ];

    /// <summary>Values for the parameters that have no default (only the deploying account knows them).</summary>
    public static readonly IReadOnlyDictionary<string, string> ParameterStandIns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EcsTaskRoleArn"] = "arn:aws:iam::123456789012:role/shop-task",
        ["EcsExecutionRoleArn"] = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        ["EcsTaskDefinitionFamily"] = "shop-web",
    };

    /// <summary>Values AWS gives a resource's read-only attributes (Fn::GetAtt), by attribute name.</summary>
    private static readonly Dictionary<string, string> AttributeStandIns = new(StringComparer.Ordinal)
    {
        ["Id"] = "E2QWRUHEXAMPLE",
        ["ConnectionArn"] = "arn:aws:codestar-connections:us-east-1:123456789012:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
    };

    private static readonly Dictionary<string, JsonObject> Schemas = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly JsonObject _template;
    private IReadOnlyDictionary<string, string> _values = new Dictionary<string, string>();
    private JsonObject _schema = new();

    private ResourceSchemaCheck(JsonObject template) => _template = template;

    /// <summary>Every problem of <paramref name="template"/>, as <c>Resource.Path: problem</c>; empty when it passes.</summary>
    public static IReadOnlyList<string> Errors(JsonObject template)
    {
        var check = new ResourceSchemaCheck(template);
        check.Run();
        return check._errors.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The schema of <paramref name="type"/> from schemas/cloudformation, or null when the repository has none.</summary>
    public static JsonObject? SchemaOf(string type)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(type, out var schema))
            {
                var path = RepositoryFiles.PathOf(Path.Combine("schemas", "cloudformation", type.Replace("::", "-", StringComparison.Ordinal) + ".json"));
                if (!File.Exists(path))
                {
                    return null;
                }

                schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
                Schemas[type] = schema;
            }

            return schema;
        }
    }

    private void Run()
    {
        var parameters = _template["Parameters"]?.AsObject() ?? [];
        var resources = _template["Resources"]?.AsObject() ?? throw new ArgumentException("a template without Resources");
        foreach (var deployment in Deployments)
        {
            var values = new Dictionary<string, string>(deployment, StringComparer.Ordinal);
            foreach (var (name, parameter) in parameters)
            {
                if (((string?)parameter!["Default"] ?? ParameterStandIns.GetValueOrDefault(name)) is not { } value)
                {
                    _errors.Add($"Parameters.{name}: no Default, and this check knows no value to try");
                    continue;
                }

                if ((string?)parameter["AllowedPattern"] is { } pattern && !Regex.IsMatch(value, pattern))
                {
                    _errors.Add($"Parameters.{name}: {value} does not match its own AllowedPattern {pattern}");
                }

                values[name] = value;
            }

            foreach (var (id, resource) in resources)
            {
                foreach (var attribute in ReadOnlyAttributes((string?)resource!["Type"]))
                {
                    values[$"{id}.{attribute}"] = AttributeStandIns.GetValueOrDefault(attribute, "EXAMPLE");
                }
            }

            _values = values;
            foreach (var (id, resource) in resources)
            {
                var type = (string?)resource!["Type"] ?? string.Empty;
                var schema = SchemaOf(type);
                if (schema is null)
                {
                    _errors.Add($"{id}: no schema for the type {type}");
                    continue;
                }

                foreach (var dependency in resource["DependsOn"]?.AsArray() ?? [])
                {
                    if (!resources.ContainsKey((string)dependency!))
                    {
                        _errors.Add($"{id}.DependsOn: {dependency} is not a resource of the template");
                    }
                }

                _schema = schema;
                var properties = resource["Properties"] ?? new JsonObject();
                Check(properties, schema, id);
                CheckGroups(properties.AsObject(), schema, id);
            }
        }
    }

    private void CheckGroups(JsonObject properties, JsonObject schema, string path)
    {
        if (schema["requiredOr"] is JsonArray or && !or.Any(p => properties.ContainsKey((string)p!)))
        {
            _errors.Add($"{path}: needs one of {string.Join(", ", or)}");
        }

        if (schema["requiredXor"] is JsonArray xor && xor.Count(p => properties.ContainsKey((string)p!)) != 1)
        {
            _errors.Add($"{path}: needs exactly one of {string.Join(", ", xor)}");
        }
    }

    private void Check(JsonNode value, JsonObject schema, string path)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            var name = ((string)reference!).Split('/')[^1];
            Check(value, _schema["definitions"]![name]!.AsObject(), path);
            return;
        }

        if (Intrinsic(value, path) is var (resolved, known))
        {
            if (!known)
            {
                // A Ref to a resource: its value is AWS's, only its type can be checked.
                CheckType(JsonValue.Create("ref"), schema, path, typeOnly: true);
                return;
            }

            value = JsonValue.Create(resolved)!;
        }

        if (!CheckType(value, schema, path, typeOnly: false))
        {
            return;
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(s => Passes(value, s!.AsObject(), path)))
        {
            _errors.Add($"{path}: matches none of anyOf");
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count(s => Passes(value, s!.AsObject(), path)) != 1)
        {
            _errors.Add($"{path}: does not match exactly one of oneOf");
        }

        switch (value)
        {
            case JsonObject o:
                CheckObject(o, schema, path);
                break;
            case JsonArray a:
                CheckArray(a, schema, path);
                break;
            case JsonValue v:
                CheckScalar(v, schema, path);
                break;
        }
    }

    private bool Passes(JsonNode value, JsonObject schema, string path)
    {
        var before = _errors.Count;
        Check(value, schema, path);
        var passed = _errors.Count == before;
        _errors.RemoveRange(before, _errors.Count - before);
        return passed;
    }

    /// <summary>(resolved string, true) for Fn::Sub and a Ref to a parameter; (null, false) for a Ref to a resource; null for a plain value.</summary>
    private (string? Resolved, bool Known)? Intrinsic(JsonNode value, string path)
    {
        if (value is not JsonObject { Count: 1 } o)
        {
            return null;
        }

        var (function, argument) = o.First();
        switch (function)
        {
            case "Fn::Sub" when argument is JsonValue text:
                return (Substitute((string)text!, path), true);
            case "Ref" when argument is JsonValue target:
                var name = (string)target!;
                if (_values.TryGetValue(name, out var parameterValue))
                {
                    return (parameterValue, true);
                }

                if (_template["Resources"]![name] is null)
                {
                    _errors.Add($"{path}: Ref {name} names nothing in the template");
                }

                return (null, false);
            case "Fn::GetAtt" when argument is JsonArray { Count: 2 } getAtt:
                var (resource, attribute) = ((string)getAtt[0]!, (string)getAtt[1]!);
                if (_template["Resources"]![resource] is not { } held || !ReadOnlyAttributes((string?)held["Type"]).Contains(attribute))
                {
                    _errors.Add($"{path}: Fn::GetAtt {resource}.{attribute} names no attribute of a resource of the template");
                    return (null, false);
                }

                return (_values[$"{resource}.{attribute}"], true);
            case "Fn::Sub" or "Ref" or "Fn::GetAtt" or "Fn::Join" or "Fn::If":
                _errors.Add($"{path}: {function} with an argument this check does not resolve");
                return (null, false);
            default:
                return null;
        }
    }

    /// <summary>The attributes Fn::GetAtt can read of a resource of <paramref name="type"/>: its schema's readOnlyProperties.</summary>
    private static List<string> ReadOnlyAttributes(string? type) =>
        (type is null ? null : SchemaOf(type))?["readOnlyProperties"]?.AsArray()
            .Select(p => ((string)p!).Replace("/properties/", string.Empty, StringComparison.Ordinal))
            .Where(p => !p.Contains('/', StringComparison.Ordinal))
            .ToList() ?? [];

    private string Substitute(string text, string path) =>
        Regex.Replace(text, @"\$\{(!?)([^}]*)\}", m =>
        {
            if (m.Groups[1].Value == "!")
            {
                return "${" + m.Groups[2].Value + "}";
            }

            if (_values.TryGetValue(m.Groups[2].Value, out var value))
            {
                return value;
            }

            _errors.Add($"{path}: Fn::Sub names ${{{m.Groups[2].Value}}}, which is no parameter, pseudo-parameter or resource attribute");
            return m.Value;
        });

    private bool CheckType(JsonNode? value, JsonObject schema, string path, bool typeOnly)
    {
        if (schema["type"] is not { } typeNode)
        {
            return true;
        }

        var allowed = typeNode is JsonArray list ? list.Select(t => (string)t!).ToList() : [(string)typeNode!];
        var actual = value switch
        {
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v when v.TryGetValue<string>(out _) => "string",
            JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
            JsonValue v when v.TryGetValue<int>(out _) || v.TryGetValue<long>(out _) => "integer",
            _ => "number",
        };
        var ok = allowed.Contains(actual) || (actual == "integer" && allowed.Contains("number"));
        if (!ok)
        {
            _errors.Add($"{path}: is {actual}, the schema wants {string.Join(" or ", allowed)}");
        }

        return ok && !typeOnly;
    }

    private void CheckObject(JsonObject value, JsonObject schema, string path)
    {
        var properties = schema["properties"]?.AsObject();
        var patternProperties = schema["patternProperties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!value.ContainsKey((string)required!))
            {
                _errors.Add($"{path}: the required property {required} is missing");
            }
        }

        foreach (var (name, excluded) in schema["dependentExcluded"]?.AsObject() ?? [])
        {
            if (value.ContainsKey(name) && excluded!.AsArray().FirstOrDefault(e => value.ContainsKey((string)e!)) is { } clash)
            {
                _errors.Add($"{path}: {name} excludes {clash}");
            }
        }

        foreach (var (name, child) in value)
        {
            var childPath = $"{path}.{name}";
            if (properties?[name] is JsonObject propertySchema)
            {
                Check(child!, propertySchema, childPath);
            }
            else if (patternProperties?.FirstOrDefault(p => Regex.IsMatch(name, p.Key)) is { Value: JsonObject patternSchema })
            {
                Check(child!, patternSchema, childPath);
            }
            else if (schema["additionalProperties"] is JsonValue additional && !(bool)additional)
            {
                _errors.Add($"{childPath}: no such property in the schema");
            }
        }
    }

    private void CheckArray(JsonArray value, JsonObject schema, string path)
    {
        if (schema["minItems"] is JsonValue min && value.Count < (int)min)
        {
            _errors.Add($"{path}: {value.Count} items, fewer than {min}");
        }

        if (schema["maxItems"] is JsonValue max && value.Count > (int)max)
        {
            _errors.Add($"{path}: {value.Count} items, more than {max}");
        }

        if (schema["uniqueItems"] is JsonValue unique && (bool)unique && value.Select(i => i!.ToJsonString()).Distinct(StringComparer.Ordinal).Count() != value.Count)
        {
            _errors.Add($"{path}: items repeat though the schema wants them unique");
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < value.Count; i++)
            {
                Check(value[i]!, items, $"{path}[{i}]");
            }
        }
    }

    private void CheckScalar(JsonValue value, JsonObject schema, string path)
    {
        if (schema["enum"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c, value)))
        {
            _errors.Add($"{path}: {value.ToJsonString()} is none of {choices.ToJsonString()}");
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            _errors.Add($"{path}: {value.ToJsonString()} is not {constant.ToJsonString()}");
        }

        if (value.TryGetValue<string>(out var text))
        {
            if (schema["pattern"] is JsonValue pattern && !Regex.IsMatch(text, (string)pattern!))
            {
                _errors.Add($"{path}: \"{text}\" does not match {pattern}");
            }

            if (schema["minLength"] is JsonValue minLength && text.Length < (int)minLength)
            {
                _errors.Add($"{path}: \"{text}\" is shorter than {minLength}");
            }

            if (schema["maxLength"] is JsonValue maxLength && text.Length > (int)maxLength)
            {
                _errors.Add($"{path}: \"{text}\" is longer than {maxLength}");
            }
        }
        else if (value.TryGetValue<double>(out var number))
        {
            if (schema["minimum"] is JsonValue minimum && number < (double)minimum)
            {
                _errors.Add($"{path}: {number} is below {minimum}");
            }

            if (schema["maximum"] is JsonValue maximum && number > (double)maximum)
            {
                _errors.Add($"{path}: {number} is above {maximum}");
            }
        }
    }
}
