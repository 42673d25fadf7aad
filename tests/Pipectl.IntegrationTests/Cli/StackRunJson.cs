using System.Text.Json;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>Reads a stack verb's JSON document (<c>--output json</c>): its resources, their actions and the request counts.</summary>
internal static class StackRunJson
{
    /// <summary>Each resource's action, keyed "TYPE NAME".</summary>
    public static Dictionary<string, string> Actions(CliRun run) =>
        run.Json.GetProperty("resources").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("type").GetString()} {r.GetProperty("name").GetString()}",
            r => r.GetProperty("action").GetString()!);

    /// <summary>The one resource named <paramref name="name"/>.</summary>
    public static JsonElement Resource(CliRun run, string name) =>
        run.Json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    /// <summary>How many mutating requests the run sent.</summary>
    public static int Mutating(CliRun run) => run.Json.GetProperty("apiCalls").GetProperty("mutating").GetInt32();
}
