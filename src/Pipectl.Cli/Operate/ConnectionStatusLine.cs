using System.Text.Json;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Cli.Output;
using Pipectl.Core.Resources;
using Pipectl.Core.Sources;

namespace Pipectl.Cli.Operate;

/// <summary>
/// The source connection in <c>pipectl status -f pipectl.yaml</c> when the file's <c>source:</c> names one: a
/// PENDING connection is why a source action fails, so status says so and where to finish it.
/// </summary>
internal static class ConnectionStatusLine
{
    /// <summary>A reader of the stack's connection, or null when the target's stack builds from CodeCommit (or is not known from a file).</summary>
    public static Func<CancellationToken, Task<ConnectionState?>>? ReaderFor(OperatedTarget target, AwsSession session)
    {
        if (target.Spec is not { ConnectionSource: { } source } spec)
        {
            return null;
        }

        var desired = new ConnectionSpec(spec.ConnectionArn ?? spec.ConnectionName, source.ProviderType, spec.ConnectionArn, new Dictionary<string, string>());
        return token => new ConnectionDriver(session.CodeConnections).ReadAsync(desired, token);
    }

    public static string Text(ConnectionState connection, TextStyle style) => connection.Status == ConnectionConsole.Available
        ? $"connection {TerminalText.Inline(connection.Name)} ({connection.ProviderType})  {style.Good(connection.Status)}"
        : $"connection {TerminalText.Inline(connection.Name)} ({connection.ProviderType})  {style.Warn(connection.Status)}: the source fails until it is AVAILABLE; finish it at {ConnectionConsole.Url(ConnectionArns.RegionOf(connection.Arn))}";

    public static void WriteJson(Utf8JsonWriter writer, ConnectionState? connection)
    {
        if (connection is null)
        {
            return;
        }

        writer.WriteStartObject("connection");
        writer.WriteString("name", connection.Name);
        writer.WriteString("arn", connection.Arn);
        writer.WriteString("providerType", connection.ProviderType);
        writer.WriteString("status", connection.Status);
        writer.WriteEndObject();
    }
}
