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
        Assert.Equal(["STS", "S3", "CodeCommit", "CodeBuild", "CodePipeline", "EventBridge", "IAM", "SNS", "CloudWatch Logs", "CodeConnections", "ECR", "ECS", "CloudFront", "SSM", "Resource Groups Tagging API", "S3 Control"], services.Select(s => s.GetProperty("name").GetString()));
        Assert.All(services, s => Assert.True(s.GetProperty("ok").GetBoolean(), s.ToString()));
    }

    [Fact]
    public async Task Doctor_against_a_closed_port_exits_1_with_one_readable_line_per_service()
    {
        var port = ClosedPort();
        var run = await CliRun.RunAsync("doctor", "--endpoint-url", $"http://127.0.0.1:{port}", "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        var failed = run.Stdout.Split('\n').Where(l => l.Contains("failed:", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, failed.Count);
        Assert.All(failed, line => Assert.Contains("cannot connect", line));
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Doctor_text_counts_the_services_it_lists_and_keeps_each_name_apart_from_its_result()
    {
        var run = await CliRun.RunAsync("doctor", "--endpoint-url", moto.Endpoint, "--region", "us-east-1");

        Assert.Equal(0, run.ExitCode);
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(run.Stderr, @"Checking (\d+) services").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var services = run.Stdout.Split('\n').Where(l => l.EndsWith(" ok", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, count);
        Assert.Equal(count, services.Count);
        Assert.Contains(services, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^CloudWatch Logs  +ok$"));
        Assert.Contains(services, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^S3 Control  +ok$"));
        var column = services[0].LastIndexOf(" ok", StringComparison.Ordinal);
        Assert.All(services, l => Assert.Equal(column, l.LastIndexOf(" ok", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_CLOUDFRONT")]
    [InlineData("AWS_ENDPOINT_URL_S3_CONTROL")]
    [InlineData("AWS_ENDPOINT_URL_ECR")]
    [InlineData("AWS_ENDPOINT_URL_ECS")]
    public void A_broken_endpoint_url_of_any_service_pipectl_calls_is_named_before_anything_is_sent(string variable)
    {
        var environment = new Dictionary<string, string> { [variable] = "ftp://127.0.0.1:1" };

        var problem = Pipectl.Cli.Hosting.EndpointUrls.FirstProblem(null, name => environment.GetValueOrDefault(name), Pipectl.Aws.Session.AwsServices.Ids);

        Assert.NotNull(problem);
        Assert.StartsWith(variable + "=", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_answers_access_denied_is_named_with_the_endpoint_it_used_its_password_masked()
    {
        using var proxy = new Pipectl.IntegrationTests.Faults.FaultProxy(moto.Endpoint, _ => Pipectl.IntegrationTests.Faults.InjectedFault.Reply("AccessDenied", HttpStatusCode.Forbidden, "denied by the test"));
        var endpoint = $"http://user:pw-Qz7Doctor@127.0.0.1:{proxy.Port}";

        var text = await CliRun.RunAsync("doctor", "--endpoint-url", endpoint, "--region", "us-east-1");
        var json = await CliRun.RunAsync("doctor", "--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json");

        Assert.Equal((1, 1), (text.ExitCode, json.ExitCode));
        var failed = text.Stdout.Split('\n').Where(l => l.Contains("failed:", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, failed.Count);
        Assert.All(failed, line => Assert.EndsWith($"(endpoint http://***@127.0.0.1:{proxy.Port})", line.TrimEnd(), StringComparison.Ordinal));
        Assert.Contains(failed, line => line.Contains("access denied", StringComparison.Ordinal));
        Assert.All(json.Json.GetProperty("services").EnumerateArray(), s => Assert.EndsWith($"(endpoint http://***@127.0.0.1:{proxy.Port})", s.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("Qz7Doctor", text.Stdout + text.Stderr + json.Stdout + json.Stderr, StringComparison.Ordinal);
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
