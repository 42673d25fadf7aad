using Pipectl.Aws.Session;

namespace Pipectl.Aws.Tests.Wire;

/// <summary>An <see cref="AwsSession"/> whose every service is pointed at a test's loopback server.</summary>
public static class WireSession
{
    static WireSession()
    {
        // Static test credentials from the environment; never let the SDK's chain reach instance metadata.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDWIRETEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "wire-test-secret");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public static AwsSession For(WireServer server, string region = "eu-west-2") =>
        AwsSession.Create(new AwsSessionOptions(region, null, server.Url), _ => null);
}
