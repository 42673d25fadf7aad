namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Issue 29: a password in an endpoint URL never reaches any output, whatever it holds (a space, a tab, a line
/// break, a slash, a raw '@') and whether or not the URL has a scheme: not on stderr, not in the JSON error.
/// Each password carries a marker that must not appear anywhere.
/// </summary>
public sealed class EndpointPasswordTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "http://user:pa ss-Qz7Space@127.0.0.1:{port}", "Qz7Space" },
        { "http://user:pa\tss-Qz7Tab@127.0.0.1:{port}", "Qz7Tab" },
        { "http://user:pa\nss-Qz7Line@127.0.0.1:{port}", "Qz7Line" },
        { "http://user:pa/ss-Qz7Slash@127.0.0.1:{port}", "Qz7Slash" },
        { "http://user:p@ss-Qz7At@127.0.0.1:{port}", "Qz7At" },
        { "user:pass-Qz7NoScheme@127.0.0.1:{port}", "Qz7NoScheme" },
        { "http://user:pass-Qz7Plain@127.0.0.1:{port}", "Qz7Plain" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task No_part_of_an_endpoint_password_is_printed_in_text_or_json(string template, string marker)
    {
        using var trap = new RequestTrap();
        var endpoint = template.Replace("{port}", new Uri(trap.Endpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        foreach (var verb in new[] { new[] { "doctor" }, ["status", "--name", "demo"] })
        {
            var text = await CliRun.RunAsync([.. verb, "--endpoint-url", endpoint, "--region", "us-east-1"]).WaitAsync(HangGuard);
            var json = await CliRun.RunAsync([.. verb, "--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json"]).WaitAsync(HangGuard);

            Assert.NotEqual(0, text.ExitCode);
            foreach (var output in new[] { text.Stdout, text.Stderr, json.Stdout, json.Stderr })
            {
                Assert.DoesNotContain(marker, output, StringComparison.Ordinal);
                Assert.DoesNotContain("ss-Qz7", output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_password_in_AWS_ENDPOINT_URL_is_not_printed_either()
    {
        var run = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://user:pa ss/@Qz7Env@127.0.0.1:9", ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing" },
            "doctor", "--region", "us-east-1", "--output", "json").WaitAsync(HangGuard);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("AWS_ENDPOINT_URL", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Qz7Env", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pa ss", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
