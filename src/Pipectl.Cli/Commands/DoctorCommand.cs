using System.CommandLine;
using System.Text.Json;
using Pipectl.Aws.Diagnostics;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Commands;

/// <summary>
/// <c>pipectl doctor</c>: the resolved account, region, endpoint and credential source, and one cheap read
/// call per service; then whether the caller's identity policies allow the requests of a default stack's bootstrap
/// (IAM policy simulation). Exit 0 when every service answers and nothing is denied, 1 otherwise.
/// </summary>
public static class DoctorCommand
{
    /// <summary>The name of the default stack whose bootstrap requests doctor simulates.</summary>
    public const string PermissionStack = "pipectl-doctor";

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
        var permissions = await DefaultStackPermissionsAsync(session, report, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(ToJson(report, permissions)).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(report, permissions, console).ConfigureAwait(false);
        }

        return report.AllOk && permissions.Failure is null ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// The requests a bootstrap of a default stack (<see cref="PermissionStack"/>, every default) would send in this
    /// account and region, simulated for the caller: the same check bootstrap makes before its first write.
    /// </summary>
    private static async Task<PermissionCheckResult> DefaultStackPermissionsAsync(AwsSession session, ConnectivityReport report, CancellationToken cancellationToken)
    {
        if (report.Account is null || report.CallerArn is null)
        {
            return new PermissionCheckResult(null, [], "STS did not name the caller: the permissions were not checked");
        }

        var stack = DesiredStack.From(StackSpec.FromStackName(PermissionStack, session.Region, report.Account));
        var plan = await new StackOrchestrator(new EmptyAccountDrivers(), SilentProgress.Instance).ApplyAsync(stack, StackParts.All, new ApplyOptions { DryRun = true }, cancellationToken).ConfigureAwait(false);
        var writes = PlannedWrites.Of(plan.Resources, session.Region, report.Account);
        var result = await new CallerPermissions(session.Iam).CheckAsync(report.CallerArn, writes, cancellationToken).ConfigureAwait(false);
        return result.NotChecked is null ? result with { Checked = writes.Count } : result;
    }

    /// <summary>What the simulation denied, for doctor: the caller, how many, and each action on its resource.</summary>
    private static string DeniedLine(PermissionCheckResult permissions) =>
        TerminalText.Inline($"{permissions.Principal} is not allowed {permissions.Denied.Count} of the {permissions.Checked} requests of a default stack's bootstrap: {PermissionsDeniedException.List(permissions.Denied)}");

    /// <summary>The permissions line: what was denied, that all was allowed, or why nothing was checked.</summary>
    private static string PermissionsText(PermissionCheckResult permissions, TextStyle style) => permissions switch
    {
        { NotChecked: { } why } => $"{style.Warn("not checked")}: {TerminalText.Inline(why)}",
        { Failure: not null } => $"{style.Bad("failed")}: {DeniedLine(permissions)}",
        _ => $"{style.Good("allowed")}: the {permissions.Checked} requests of a default stack's bootstrap (IAM policy simulation of {TerminalText.Inline(permissions.Principal ?? string.Empty)})",
    };

    private static async Task WriteTextAsync(ConnectivityReport report, PermissionCheckResult permissions, CliConsole console)
    {
        var style = new TextStyle(console.UseColor);

        // One column of labels, as wide as the longest label and two spaces, so no service name runs into its result.
        var width = report.Services.Select(s => s.Name.Length).Append("credentials".Length).Append("connection".Length).Append("permissions".Length).Max() + 2;
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
        lines.Add($"{Label("permissions")}{PermissionsText(permissions, style)}");
        foreach (var line in lines)
        {
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>Why <paramref name="check"/> failed and the endpoint it used (its userinfo masked): an overridden one, or AWS's default.</summary>
    private static string Failure(ServiceCheck check, string region) =>
        $"{check.Error} (endpoint {(check.Endpoint is { } endpoint ? Hosting.EndpointUrls.MaskUserinfo(endpoint) : $"AWS's default for {region}")})";

    private static string ToJson(ConnectivityReport report, PermissionCheckResult permissions) => JsonText.Write(writer =>
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
        writer.WriteStartObject("permissions");
        writer.WriteBoolean("checked", permissions.NotChecked is null);
        writer.WriteString("principal", permissions.Principal);
        writer.WriteNumber("requests", permissions.Checked);
        writer.WriteStartArray("denied");
        foreach (var denied in permissions.Denied)
        {
            writer.WriteStartObject();
            writer.WriteString("action", denied.Action);
            writer.WriteString("resource", denied.Resource);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("note", permissions.NotChecked);
        writer.WriteEndObject();
        var failed = report.Services.Where(s => !s.Ok).ToList();
        if (failed.Count > 0)
        {
            ErrorJson.WriteMember(writer, Pipectl.Core.Validation.ErrorCodes.ServicesFailed, $"{failed.Count} of {report.Services.Count} services failed: {string.Join(", ", failed.Select(s => s.Name))}", null);
        }
        else if (permissions.Failure is { } denial)
        {
            ErrorJson.WriteMember(writer, denial.ErrorCode, DeniedLine(permissions), null);
        }

        writer.WriteEndObject();
    });
}
