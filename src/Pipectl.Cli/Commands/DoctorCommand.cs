using System.CommandLine;
using System.Text.Json;
using Pipectl.Aws.Diagnostics;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Commands;

/// <summary>
/// <c>pipectl doctor</c>: the resolved account, region, endpoint and credential source, and one cheap read
/// call per service. Exit 0 when every service answers, 1 otherwise.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(GlobalOptions options, CliConsole console)
    {
        var command = new Command("doctor", "Check credentials, region, endpoint and that every AWS service pipectl uses answers.");
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            return VerbRunner.RunAsync(console, settings, token => RunAsync(settings, console, token), cancellationToken, ErrorJson.Reporter("doctor", settings, console));
        });
        return command;
    }

    private static async Task<int> RunAsync(GlobalSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        using var session = AwsSession.Create(settings.SessionOptions);
        _ = session.CredentialSource;
        if (!settings.Json)
        {
            await console.Error.WriteLineAsync($"Checking {AwsServices.All.Count} services in {session.Region}...").ConfigureAwait(false);
        }

        var report = await new ConnectivityProbe(session).RunAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(ToJson(report)).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(report, console).ConfigureAwait(false);
        }

        return report.AllOk ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task WriteTextAsync(ConnectivityReport report, CliConsole console)
    {
        var style = new TextStyle(console.UseColor);

        // One column of labels, as wide as the longest label and two spaces, so no service name runs into its result.
        var width = report.Services.Select(s => s.Name.Length).Append("credentials".Length).Append("connection".Length).Max() + 2;
        string Label(string label) => label.PadRight(width);
        var lines = new List<string>
        {
            $"{Label("account")}{report.Account ?? "(unknown)"}",
            $"{Label("region")}{report.Region}",
            $"{Label("endpoint")}{report.Endpoint ?? "AWS (default endpoints)"}",
            $"{Label("credentials")}{report.CredentialSource}",
        };
        lines.AddRange(report.Services.Select(s => s.Ok
            ? $"{Label(s.Name)}{style.Good("ok")}"
            : $"{Label(s.Name)}{style.Bad("failed")}: {Failure(s, report.Region)}"));
        lines.AddRange(report.Connections.Select(c => $"{Label("connection")}{TerminalText.Inline(c.Name)} ({c.ProviderType}) {(c.Status == Pipectl.Core.Sources.ConnectionConsole.Available ? style.Good(c.Status) : style.Warn(c.Status))}"));
        foreach (var line in lines)
        {
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>Why <paramref name="check"/> failed and the endpoint it used (its userinfo masked): an overridden one, or AWS's default.</summary>
    private static string Failure(ServiceCheck check, string region) =>
        $"{check.Error} (endpoint {(check.Endpoint is { } endpoint ? Hosting.EndpointUrls.MaskUserinfo(endpoint) : $"AWS's default for {region}")})";

    private static string ToJson(ConnectivityReport report) => JsonText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("command", "doctor");
        writer.WriteString("account", report.Account);
        writer.WriteString("region", report.Region);
        writer.WriteString("endpoint", report.Endpoint);
        writer.WriteString("credentialSource", report.CredentialSource);
        writer.WriteStartArray("services");
        foreach (var service in report.Services)
        {
            writer.WriteStartObject();
            writer.WriteString("name", service.Name);
            writer.WriteBoolean("ok", service.Ok);
            writer.WriteString("error", service.Ok ? service.Error : Failure(service, report.Region));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("connections");
        foreach (var connection in report.Connections)
        {
            writer.WriteStartObject();
            writer.WriteString("name", connection.Name);
            writer.WriteString("providerType", connection.ProviderType);
            writer.WriteString("status", connection.Status);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var failed = report.Services.Where(s => !s.Ok).ToList();
        if (failed.Count > 0)
        {
            ErrorJson.WriteMember(writer, Pipectl.Core.Validation.ErrorCodes.ServicesFailed, $"{failed.Count} of {report.Services.Count} services failed: {string.Join(", ", failed.Select(s => s.Name))}", null);
        }

        writer.WriteEndObject();
    });
}
