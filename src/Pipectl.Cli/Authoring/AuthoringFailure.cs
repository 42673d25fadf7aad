using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Authoring;

/// <summary>With <c>--output json</c>, a failed authoring verb still prints one JSON document: the command and its error.</summary>
internal static class AuthoringFailure
{
    public static async Task WriteJsonAsync(string command, Exception failure, GlobalSettings settings, CliConsole console)
    {
        if (!settings.Json)
        {
            return;
        }

        var (_, line) = VerbRunner.Classify(failure);
        var json = JsonText.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            ErrorJson.WriteMember(writer, ErrorJson.CodeOf(failure), line, failure);
            writer.WriteEndObject();
        });
        await console.Out.WriteLineAsync(json).ConfigureAwait(false);
    }
}
