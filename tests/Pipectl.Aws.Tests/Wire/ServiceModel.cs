using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipectl.Aws.Tests.Wire;

/// <summary>
/// One botocore service model, able to judge a request: every member known, every required member present,
/// every value of its shape's type, enum values, lengths and ranges as the model says. For Query requests
/// the flattened form (X.member.N, X.entry.N.key) is first rebuilt into a tree, guided by the shapes.
/// </summary>
public sealed class ServiceModel(JsonElement root)
{
    private JsonElement Shapes => root.GetProperty("shapes");

    public JsonElement Metadata => root.GetProperty("metadata");

    public bool HasOperation(string operation) => root.GetProperty("operations").TryGetProperty(operation, out _);

    /// <summary>Problems of a JSON 1.1 body against the operation's input shape; empty when it conforms.</summary>
    public IReadOnlyList<string> ValidateJson(string operation, string body)
    {
        var errors = new List<string>();
        if (!TryInputShape(operation, errors, out var inputShape))
        {
            return errors;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return [$"body is not JSON: {e.Message}"];
        }

        if (inputShape is null)
        {
            if (node is JsonObject { Count: > 0 })
            {
                errors.Add($"{operation} takes no input, but the body has members");
            }

            return errors;
        }

        Validate(node, inputShape, "$", errors);
        return errors;
    }

    /// <summary>
    /// Problems of a REST-XML request's XML payload (e.g. S3 CreateBucket's CreateBucketConfiguration): the root
    /// element is the payload member's locationName, every element is a member of its shape (by locationName or
    /// name), list items carry the list member's name, required members are present and enums hold.
    /// </summary>
    public IReadOnlyList<string> ValidateXmlPayload(string operation, string body)
    {
        var errors = new List<string>();
        if (!TryInputShape(operation, errors, out var inputShape) || inputShape is null)
        {
            return errors.Count > 0 ? errors : [$"{operation} takes no input"];
        }

        var input = Shapes.GetProperty(inputShape);
        if (!input.TryGetProperty("payload", out var payloadName))
        {
            return ValidateWholeInput(operation, inputShape, body);
        }

        var member = input.GetProperty("members").GetProperty(payloadName.GetString()!);
        var root = System.Xml.Linq.XDocument.Parse(body).Root!;
        var expected = member.TryGetProperty("locationName", out var location) ? location.GetString() : payloadName.GetString();
        if (root.Name.LocalName != expected)
        {
            errors.Add($"root element is <{root.Name.LocalName}>, expected <{expected}>");
        }

        ValidateXml(root, member.GetProperty("shape").GetString()!, root.Name.LocalName, errors);
        return errors;
    }

    /// <summary>The REST binding of an operation: its HTTP method, request URI and the input's header names.</summary>
    public (string Method, string RequestUri, IReadOnlyDictionary<string, string> Headers, string? HostPrefix) RestBinding(string operation)
    {
        var op = root.GetProperty("operations").GetProperty(operation);
        var http = op.GetProperty("http");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (op.TryGetProperty("input", out var input))
        {
            foreach (var member in Shapes.GetProperty(input.GetProperty("shape").GetString()!).GetProperty("members").EnumerateObject())
            {
                if (member.Value.TryGetProperty("location", out var where) && where.GetString() == "header")
                {
                    headers[member.Name] = member.Value.GetProperty("locationName").GetString()!;
                }
            }
        }

        var hostPrefix = op.TryGetProperty("endpoint", out var endpoint) && endpoint.TryGetProperty("hostPrefix", out var prefix) ? prefix.GetString() : null;
        return (http.GetProperty("method").GetString()!, http.GetProperty("requestUri").GetString()!, headers, hostPrefix);
    }

    private void ValidateXml(System.Xml.Linq.XElement element, string shapeName, string path, List<string> errors)
    {
        var shape = Shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                var members = shape.GetProperty("members").EnumerateObject()
                    .ToDictionary(m => m.Value.TryGetProperty("locationName", out var l) ? l.GetString()! : m.Name, m => m, StringComparer.Ordinal);
                foreach (var child in element.Elements())
                {
                    if (!members.TryGetValue(child.Name.LocalName, out var member))
                    {
                        errors.Add($"{path}: unknown element <{child.Name.LocalName}>");
                        continue;
                    }

                    ValidateXml(child, member.Value.GetProperty("shape").GetString()!, $"{path}/{child.Name.LocalName}", errors);
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        var wire = shape.GetProperty("members").GetProperty(name).TryGetProperty("locationName", out var l) ? l.GetString()! : name;
                        if (!element.Elements().Any(e => e.Name.LocalName == wire))
                        {
                            errors.Add($"{path}: required <{wire}> is missing");
                        }
                    }
                }

                break;
            case "list":
                var item = shape.GetProperty("member");
                var itemName = item.TryGetProperty("locationName", out var itemLocation) ? itemLocation.GetString()! : "member";
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName != itemName)
                    {
                        errors.Add($"{path}: list item <{child.Name.LocalName}>, expected <{itemName}>");
                    }

                    ValidateXml(child, item.GetProperty("shape").GetString()!, $"{path}/{itemName}", errors);
                }

                break;
            default:
                if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == element.Value))
                {
                    errors.Add($"{path}: \"{element.Value}\" is not one of the model's values");
                }

                break;
        }
    }

    /// <summary>Problems of a Query request's form parameters (Action and Version included).</summary>
    public IReadOnlyList<string> ValidateQuery(string operation, IReadOnlyDictionary<string, string> form)
    {
        var errors = new List<string>();
        if (!form.TryGetValue("Action", out var action) || action != operation)
        {
            errors.Add($"Action is \"{(form.TryGetValue("Action", out var a) ? a : null)}\", expected \"{operation}\"");
        }

        var apiVersion = Metadata.GetProperty("apiVersion").GetString();
        if (!form.TryGetValue("Version", out var version) || version != apiVersion)
        {
            errors.Add($"Version is \"{(form.TryGetValue("Version", out var v) ? v : null)}\", expected \"{apiVersion}\"");
        }

        if (!TryInputShape(operation, errors, out var inputShape))
        {
            return errors;
        }

        var rest = form.Where(p => p.Key is not ("Action" or "Version")).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (inputShape is null)
        {
            errors.AddRange(rest.Keys.Select(k => $"{operation} takes no input, but {k} was sent"));
            return errors;
        }

        var tree = Unflatten(rest, "", inputShape, errors);
        Validate(tree, inputShape, "$", errors);
        return errors;
    }

    /// <summary>An input whose whole structure is the XML body (the operation's input names the root element, e.g. CloudFront CreateFunction).</summary>
    private IReadOnlyList<string> ValidateWholeInput(string operation, string inputShape, string body)
    {
        if (!root.GetProperty("operations").GetProperty(operation).GetProperty("input").TryGetProperty("locationName", out var rootName))
        {
            return [$"{operation} has no XML payload"];
        }

        var errors = new List<string>();
        var element = System.Xml.Linq.XDocument.Parse(body).Root!;
        if (element.Name.LocalName != rootName.GetString())
        {
            errors.Add($"root element is <{element.Name.LocalName}>, expected <{rootName.GetString()}>");
        }

        ValidateXml(element, inputShape, element.Name.LocalName, errors);
        return errors;
    }

    private bool TryInputShape(string operation, List<string> errors, out string? inputShape)
    {
        inputShape = null;
        if (!root.GetProperty("operations").TryGetProperty(operation, out var op))
        {
            errors.Add($"the model has no operation {operation}");
            return false;
        }

        if (op.TryGetProperty("input", out var input))
        {
            inputShape = input.GetProperty("shape").GetString();
        }

        return true;
    }

    private JsonNode? Unflatten(Dictionary<string, string> form, string prefix, string shapeName, List<string> errors)
    {
        var shape = Shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
            {
                var result = new JsonObject();
                var members = shape.GetProperty("members");
                foreach (var member in members.EnumerateObject())
                {
                    var key = prefix.Length == 0 ? member.Name : $"{prefix}.{member.Name}";
                    if (form.ContainsKey(key) || form.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)))
                    {
                        result[member.Name] = Unflatten(form, key, member.Value.GetProperty("shape").GetString()!, errors);
                    }
                }

                if (prefix.Length == 0)
                {
                    foreach (var key in form.Keys.Where(k => !members.TryGetProperty(k.Split('.')[0], out _)))
                    {
                        errors.Add($"{key}: not a member of {shapeName}");
                    }
                }

                return result;
            }

            case "list":
            {
                var array = new JsonArray();
                var memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var itemPrefix = prefix + ".member.";
                var indexes = IndexesUnder(form, itemPrefix, prefix, errors);
                foreach (var index in indexes)
                {
                    array.Add(Unflatten(form, itemPrefix + index.ToString(CultureInfo.InvariantCulture), memberShape, errors));
                }

                return array;
            }

            case "map":
            {
                var map = new JsonObject();
                var entryPrefix = prefix + ".entry.";
                foreach (var index in IndexesUnder(form, entryPrefix, prefix, errors))
                {
                    var n = index.ToString(CultureInfo.InvariantCulture);
                    if (!form.TryGetValue($"{entryPrefix}{n}.key", out var key))
                    {
                        errors.Add($"{entryPrefix}{n}: entry without a key");
                        continue;
                    }

                    map[key] = Unflatten(form, $"{entryPrefix}{n}.value", shape.GetProperty("value").GetProperty("shape").GetString()!, errors);
                }

                return map;
            }

            default:
                if (!form.TryGetValue(prefix, out var text))
                {
                    errors.Add($"{prefix}: expected a scalar value");
                    return null;
                }

                return type switch
                {
                    "integer" or "long" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : JsonValue.Create(text),
                    "double" or "float" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(text),
                    "boolean" => text is "true" or "false" ? JsonValue.Create(text == "true") : JsonValue.Create(text),
                    _ => JsonValue.Create(text),
                };
        }
    }

    private static List<int> IndexesUnder(Dictionary<string, string> form, string itemPrefix, string listName, List<string> errors)
    {
        var indexes = new SortedSet<int>();
        foreach (var key in form.Keys.Where(k => k.StartsWith(listName + ".", StringComparison.Ordinal)))
        {
            if (!key.StartsWith(itemPrefix, StringComparison.Ordinal))
            {
                errors.Add($"{key}: a list or map must be sent as {itemPrefix}N");
                continue;
            }

            var n = key[itemPrefix.Length..].Split('.')[0];
            if (int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 1)
            {
                indexes.Add(i);
            }
            else
            {
                errors.Add($"{key}: list indexes start at 1");
            }
        }

        var list = indexes.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] != i + 1)
            {
                errors.Add($"{itemPrefix}: indexes are not contiguous from 1");
                break;
            }
        }

        return list;
    }

    private void Validate(JsonNode? node, string shapeName, string path, List<string> errors)
    {
        var shape = Shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        if (node is null)
        {
            errors.Add($"{path}: null is not a {type}");
            return;
        }

        switch (type)
        {
            case "structure":
                if (node is not JsonObject obj)
                {
                    errors.Add($"{path}: expected an object ({shapeName})");
                    return;
                }

                var members = shape.GetProperty("members");
                foreach (var (name, value) in obj)
                {
                    if (!members.TryGetProperty(name, out var member))
                    {
                        errors.Add($"{path}.{name}: not a member of {shapeName}");
                        continue;
                    }

                    Validate(value, member.GetProperty("shape").GetString()!, $"{path}.{name}", errors);
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!obj.ContainsKey(name))
                        {
                            errors.Add($"{path}.{name}: required by {shapeName} but missing");
                        }
                    }
                }

                break;

            case "list":
                if (node is not JsonArray array)
                {
                    errors.Add($"{path}: expected a list ({shapeName})");
                    return;
                }

                CheckRange(shape, array.Count, path, "items", errors);
                var memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], memberShape, $"{path}[{i}]", errors);
                }

                break;

            case "map":
                if (node is not JsonObject map)
                {
                    errors.Add($"{path}: expected a map ({shapeName})");
                    return;
                }

                CheckRange(shape, map.Count, path, "entries", errors);
                var keyShape = shape.GetProperty("key").GetProperty("shape").GetString()!;
                var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                foreach (var (key, value) in map)
                {
                    Validate(JsonValue.Create(key), keyShape, $"{path}.<key {key}>", errors);
                    Validate(value, valueShape, $"{path}.{key}", errors);
                }

                break;

            case "string":
                if (!IsKind(node, JsonValueKind.String))
                {
                    errors.Add($"{path}: expected a string ({shapeName})");
                    return;
                }

                var text = node.GetValue<string>();
                CheckRange(shape, text.Length, path, "characters", errors);
                if (shape.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != text))
                {
                    errors.Add($"{path}: \"{text}\" is not one of {shapeName}'s values ({string.Join(", ", values.EnumerateArray().Select(v => v.GetString()))})");
                }

                break;

            case "integer" or "long":
                if (!IsKind(node, JsonValueKind.Number) || !long.TryParse(node.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    errors.Add($"{path}: expected an integer ({shapeName})");
                    return;
                }

                if (shape.TryGetProperty("min", out var min) && number < min.GetInt64())
                {
                    errors.Add($"{path}: {number} is below the minimum {min.GetInt64()} of {shapeName}");
                }

                if (shape.TryGetProperty("max", out var max) && number > max.GetInt64())
                {
                    errors.Add($"{path}: {number} is above the maximum {max.GetInt64()} of {shapeName}");
                }

                break;

            case "double" or "float":
                if (!IsKind(node, JsonValueKind.Number))
                {
                    errors.Add($"{path}: expected a number ({shapeName})");
                }

                break;

            case "boolean":
                if (!IsKind(node, JsonValueKind.True) && !IsKind(node, JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean ({shapeName})");
                }

                break;

            case "timestamp":
                if (!IsKind(node, JsonValueKind.Number) && !IsKind(node, JsonValueKind.String))
                {
                    errors.Add($"{path}: expected a timestamp ({shapeName})");
                }

                break;

            case "blob":
                if (!IsKind(node, JsonValueKind.String))
                {
                    errors.Add($"{path}: expected base64 text ({shapeName})");
                    return;
                }

                try
                {
                    Convert.FromBase64String(node.GetValue<string>());
                }
                catch (FormatException)
                {
                    errors.Add($"{path}: not valid base64 ({shapeName})");
                }

                break;

            default:
                errors.Add($"{path}: the validator does not know the shape type {type}");
                break;
        }
    }

    private static bool IsKind(JsonNode node, JsonValueKind kind) => node is JsonValue value && value.GetValueKind() == kind;

    private static void CheckRange(JsonElement shape, long count, string path, string unit, List<string> errors)
    {
        if (shape.TryGetProperty("min", out var min) && count < min.GetInt64())
        {
            errors.Add($"{path}: {count} {unit}, fewer than the minimum {min.GetInt64()}");
        }

        if (shape.TryGetProperty("max", out var max) && count > max.GetInt64())
        {
            errors.Add($"{path}: {count} {unit}, more than the maximum {max.GetInt64()}");
        }
    }
}
