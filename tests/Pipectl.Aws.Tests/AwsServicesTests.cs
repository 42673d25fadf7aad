using Amazon.Runtime;
using Pipectl.Aws.Session;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests;

/// <summary>The one table of services: each row's client is the one its id configures, and every client the session has is a row.</summary>
public sealed class AwsServicesTests
{
    static AwsServicesTests() => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(WireSession).TypeHandle);

    private static string Variable(string id) => "AWS_ENDPOINT_URL_" + id.ToUpperInvariant().Replace(' ', '_');

    [Fact]
    public void Each_row_s_client_sends_to_the_endpoint_url_of_its_own_service_id()
    {
        var urls = AwsServices.All.Select((s, i) => (s.Id, Url: $"http://127.0.0.1:{41000 + i}")).ToDictionary(p => Variable(p.Id), p => p.Url);
        using var session = AwsSession.Create(new AwsSessionOptions("eu-west-2", null, null), name => urls.GetValueOrDefault(name));

        Assert.All(AwsServices.All, row =>
        {
            var client = Assert.IsAssignableFrom<AmazonServiceClient>(row.Client(session));
            Assert.Equal(urls[Variable(row.Id)], client.Config.ServiceURL?.TrimEnd('/'));
        });
    }

    [Fact]
    public void Every_client_of_the_session_is_a_row_of_the_table()
    {
        using var session = AwsSession.Create(new AwsSessionOptions("eu-west-2", null, "http://127.0.0.1:41999"), _ => null);
        var clientTypes = typeof(AwsSession).GetProperties()
            .Where(p => typeof(IDisposable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(AwsSession))
            .Select(p => p.GetValue(session)!.GetType().Name)
            .Order(StringComparer.Ordinal);
        var rowTypes = AwsServices.All.Select(s => s.Client(session).GetType().Name).Order(StringComparer.Ordinal);

        Assert.Equal(15, AwsServices.All.Count);
        Assert.Equal(AwsServices.All.Count, AwsServices.Ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(clientTypes, rowTypes);
    }

    [Theory]
    [InlineData("CloudFront")]
    [InlineData("S3 Control")]
    [InlineData("ECR")]
    [InlineData("ECS")]
    public void An_emulator_s_region_is_accepted_when_any_service_of_the_table_is_overridden(string id)
    {
        var environment = new Dictionary<string, string> { [Variable(id)] = "http://127.0.0.1:41998" };

        using var session = AwsSession.Create(new AwsSessionOptions("zz-emulated-1", null, null), name => environment.GetValueOrDefault(name));

        Assert.Equal("zz-emulated-1", session.Region);
        Assert.Throws<RegionUnavailableException>(() => AwsSession.Create(new AwsSessionOptions("zz-emulated-1", null, null), _ => null));
    }
}
