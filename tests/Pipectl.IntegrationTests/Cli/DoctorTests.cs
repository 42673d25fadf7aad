using System.Net;
using System.Net.Sockets;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

[Collection(MotoCollection.Name)]
public sealed class DoctorTests(MotoServer moto)
{
    [Fact]
    public async Task Doctor_against_moto_reports_the_account_and_every_service_ok()
    {
        var run = await CliRun.RunAsync("doctor", "--endpoint-url", moto.Endpoint, "--region", "eu-west-1", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("123456789012", json.GetProperty("account").GetString());
        Assert.Equal("eu-west-1", json.GetProperty("region").GetString());
        Assert.Equal(moto.Endpoint, json.GetProperty("endpoint").GetString());
        Assert.Equal("environment variables", json.GetProperty("credentialSource").GetString());
        var services = json.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(["STS", "S3", "CodeCommit", "CodeBuild", "CodePipeline", "EventBridge", "IAM", "SNS", "CloudWatch Logs", "CodeConnections", "Resource Groups Tagging API"], services.Select(s => s.GetProperty("name").GetString()));
        Assert.All(services, s => Assert.True(s.GetProperty("ok").GetBoolean(), s.ToString()));
    }

    [Fact]
    public async Task Doctor_against_a_closed_port_exits_1_with_one_readable_line_per_service()
    {
        var port = ClosedPort();
        var run = await CliRun.RunAsync("doctor", "--endpoint-url", $"http://127.0.0.1:{port}", "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        var failed = run.Stdout.Split('\n').Where(l => l.Contains("failed:", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, failed.Count);
        Assert.All(failed, line => Assert.Contains("cannot connect", line));
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
    }

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
