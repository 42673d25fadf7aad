using System.Diagnostics;

namespace Pipectl.IntegrationTests.Moto;

/// <summary>
/// A boto3 script run against the test's moto (the AWS CLI's own library, with the Python that runs moto): for
/// fixtures pipectl never writes, and for reading what an account holds independently of pipectl's clients.
/// <c>client(name)</c> in the script is a boto3 client for service <c>name</c> pointed at moto.
/// </summary>
internal static class Boto
{
    /// <summary>Runs <paramref name="body"/> and returns what it printed; a failing script fails the test.</summary>
    public static async Task<string> RunAsync(MotoServer moto, string body)
    {
        var script = $$"""
            import boto3
            def client(name, region="us-east-1"):
                return boto3.client(name, endpoint_url="{{moto.Endpoint}}", region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")
            {{body}}
            """;
        var start = new ProcessStartInfo(moto.Python, ["-c", script]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        return await stdout;
    }
}
