using Pipectl.Aws.Session;
using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests;

/// <summary>Sessions pointed at the test's moto_server with throwaway credentials.</summary>
internal static class TestSessions
{
    public static readonly IReadOnlyDictionary<string, string?> Environment = new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    static TestSessions()
    {
        // The SDK's default chain reads credentials from the process environment; never let it reach
        // instance metadata (a non-loopback address) from a test.
        foreach (var (key, value) in Environment)
        {
            System.Environment.SetEnvironmentVariable(key, value);
        }
    }

    public static AwsSession For(MotoServer moto, string region = "us-east-1") =>
        ForEndpoint(moto.Endpoint, region);

    public static AwsSession ForEndpoint(string endpoint, string region = "us-east-1") =>
        AwsSession.Create(new AwsSessionOptions(region, null, endpoint), _ => null);
}
