using System.Text.Json;
using Pipectl.Core.Settings;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Tests.Buildspecs;

namespace Pipectl.Core.Tests.StackFiles;

/// <summary>schemas/pipectl.schema.json and the parser accept exactly the same keys, with the types <see cref="StackSettings"/> declares.</summary>
public sealed class StackFileSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(RepositoryFiles.Read("schemas/pipectl.schema.json")).RootElement;

    [Fact]
    public void The_schema_is_draft_2020_12_and_requires_the_name()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.Equal(["name"], Schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Every_key_the_parser_accepts_is_in_the_schema_and_every_key_of_the_schema_is_accepted()
    {
        var schemaPaths = new List<string>();
        Walk(Schema, string.Empty, schemaPaths);

        Assert.Equal(StackFileKeys.Paths.Order(StringComparer.Ordinal), schemaPaths.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> FileKeys() => [.. StackSettings.All.Select(s => s.FileKey).OfType<string>()];

    [Theory]
    [MemberData(nameof(FileKeys))]
    public void The_schema_gives_each_declared_key_the_declared_type(string key)
    {
        var setting = StackSettings.All.Single(s => s.FileKey == key);
        var node = SchemaAt(key);

        if (setting.Kind == SettingKind.Choice)
        {
            Assert.True(node.TryGetProperty("enum", out var values), $"{key}: the schema has no enum");
            Assert.Equal(setting.Values.Order(StringComparer.Ordinal), values.EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.True(node.TryGetProperty("type", out var type), $"{key}: the schema has no type");
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            Assert.Equal(setting.SchemaType, types);
        }

        if (setting.Kind == SettingKind.Number)
        {
            Assert.Equal(setting.Minimum, node.GetProperty("minimum").GetInt32());
            Assert.Equal(setting.Maximum, node.GetProperty("maximum").GetInt32());
        }
    }

    [Fact]
    public void Every_object_in_the_schema_forbids_other_keys_as_the_parser_does()
    {
        var open = new List<string>();
        FindOpenObjects(Schema, "(root)", open);

        Assert.Empty(open);
    }

    public static TheoryData<string> AcceptedPaths() => [.. StackFileKeys.Paths];

    [Theory]
    [MemberData(nameof(AcceptedPaths))]
    public void The_parser_accepts_each_listed_key(string path)
    {
        var text = DocumentWith(path.Split('.'), leaf: path);

        var (_, errors) = StackFileParser.Parse("pipectl.yaml", text);

        Assert.Empty(errors);
    }

    public static TheoryData<string> MappingPaths() =>
        [.. StackFileKeys.Paths.Prepend(string.Empty).Where(p => StackFileKeys.ChildrenOf(p).Any(c => c != StackFileKeys.AnyName))];

    [Theory]
    [MemberData(nameof(MappingPaths))]
    public void The_parser_rejects_an_unlisted_key_at_each_level(string parent)
    {
        string[] segments = parent.Length == 0 ? ["bogusKey"] : [.. parent.Split('.'), "bogusKey"];
        var text = DocumentWith(segments, leaf: "bogus");

        var (file, errors) = StackFileParser.Parse("pipectl.yaml", text);

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.Contains("unknown key 'bogusKey'", error.Message, StringComparison.Ordinal);
        Assert.Equal(segments.Length + 1, error.Line);
        Assert.Equal((2 * segments.Length) - 1, error.Column);
    }

    /// <summary>
    /// A minimal valid document holding <paramref name="segments"/> as nested keys (<c>*</c> as a chosen name)
    /// and a value that suits the leaf.
    /// </summary>
    private static string DocumentWith(string[] segments, string leaf)
    {
        var lines = new List<string> { "name: demo" };
        if (segments is ["name"])
        {
            return "name: demo\n";
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var key = segments[i] == StackFileKeys.AnyName ? (i > 0 && segments[i - 1] == "environments" ? "staging" : "SOME_VAR") : segments[i];
            var indent = new string(' ', 2 * i);
            lines.Add(i == segments.Length - 1 ? $"{indent}{key}: {LeafValue(leaf, segments, indent)}" : $"{indent}{key}:");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string LeafValue(string leaf, string[] segments, string indent) => leaf switch
    {
        "bogus" => "1",
        "region" => "us-east-1",
        "build.computeType" => "BUILD_GENERAL1_SMALL",
        "build.sourceType" => "CODECOMMIT",
        "build.buildspecInline" => $"|\n{indent}  version: 0.2\n{indent}  phases:\n{indent}    build:\n{indent}      commands:\n{indent}        - make",
        "pipeline.type" => "V2",
        "test" => "{ buildspec: buildspec-test.yml }",
        "test.input" => $"source\n{indent}buildspec: buildspec-test.yml",
        "source.repository" => "github:octo/site",
        "source.connectionArn" => "arn:aws:codeconnections:us-east-1:123456789012:connection/abc",
        "source.filePaths" => "[ site/** ]",
        "deploy.target" => "ecs",
        "site" => "cloudfront",
        _ when StackSettings.All.Any(s => s.FileKey == leaf && s.Kind == SettingKind.Number) => "30",
        "build.environmentVariables.*.type" => $"SECRETS_MANAGER\n{indent}value: prod/db:password",
        _ when segments[^1] is "enabled" or "privateSite" or "privileged" or "existing" => "true",
        _ when segments[^1] == "email" => "ops@example.com",
        "environments" => "{ staging: {} }",
        _ when segments[^1] is "environmentVariables" or "repository" or "build" or "buckets" or "approval" or "pipeline" or "source" or "deploy" => "{}",
        _ when segments[^1] == StackFileKeys.AnyName && segments[^2] == "environments" => "{}",
        _ when segments[^1] == "siteBucket" || segments[^1] == "artifacts" || segments[^1] == "site" => "some-bucket-name",
        _ => "some-value",
    };

    private static JsonElement SchemaAt(string key)
    {
        var node = Schema;
        foreach (var segment in key.Split('.'))
        {
            node = Resolve(node);
            node = segment == StackFileKeys.AnyName ? node.GetProperty("additionalProperties") : node.GetProperty("properties").GetProperty(segment);
        }

        return Resolve(node);
    }

    private static void Walk(JsonElement schema, string prefix, List<string> paths)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                paths.Add(path);
                Walk(property.Value, path, paths);
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            var path = $"{prefix}.{StackFileKeys.AnyName}";
            paths.Add(path);
            Walk(additional, path, paths);
        }
    }

    private static void FindOpenObjects(JsonElement schema, string where, List<string> open)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("properties", out var properties))
        {
            if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
            {
                open.Add(where);
            }

            foreach (var property in properties.EnumerateObject())
            {
                FindOpenObjects(property.Value, $"{where}.{property.Name}", open);
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            FindOpenObjects(values, $"{where}.*", open);
        }
    }

    private static JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/$defs/".Length..];
            schema = Schema.GetProperty("$defs").GetProperty(name);
        }

        return schema;
    }
}
