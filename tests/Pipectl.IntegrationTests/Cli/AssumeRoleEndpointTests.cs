using Pipectl.IntegrationTests.Authoring;
using Pipectl.IntegrationTests.Faults;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Issue 29: --endpoint-url applies to every request pipectl makes, the credential chain's too. An assume-role
/// profile's AssumeRole goes to the given endpoint (a loopback proxy in front of moto that logs each operation),
/// never to sts.REGION.amazonaws.com, and the run then signs with the assumed role's credentials.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AssumeRoleEndpointTests(MotoServer moto)
{
    [Fact]
    public async Task An_assume_role_profiles_AssumeRole_goes_to_the_endpoint_url()
    {
        using var proxy = new FaultProxy(moto.Endpoint);
        using var folder = new TempFolder();
        var config = folder.Write("config", "[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/pipectl-assumed\nsource_profile = base\nregion = us-east-1\n");
        var credentials = folder.Write("credentials", "[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n");

        var run = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["AWS_CONFIG_FILE"] = config, ["AWS_SHARED_CREDENTIALS_FILE"] = credentials },
            "list", "--profile", "deployer", "--endpoint-url", proxy.Endpoint, "--region", "us-east-1").WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.Stderr + proxy.Describe());
        Assert.Contains(proxy.Log, e => e.Operation.EndsWith("AssumeRole", StringComparison.Ordinal));
    }
}
