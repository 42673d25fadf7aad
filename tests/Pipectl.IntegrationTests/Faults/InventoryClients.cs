using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using Amazon.Runtime;
using Pipectl.Aws.Runtime;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>A JSON 1.1 client on pipectl's runtime that can send any operation (the tests' List* calls).</summary>
internal sealed class InventoryJsonClient<TFacts>(AWSCredentials credentials, PipectlClientConfig<TFacts> config, string targetPrefix)
    : JsonServiceClient<TFacts>(credentials, config, targetPrefix, null)
    where TFacts : IAwsServiceFacts
{
    private static readonly JsonTypeInfo<JsonElement> Element = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    public Task<JsonElement> CallAsync(string operation, string body) =>
        InvokeJsonAsync(operation, JsonDocument.Parse(body).RootElement, Element, Element, CancellationToken.None);
}

/// <summary>A Query client on pipectl's runtime that can send any action.</summary>
internal sealed class InventoryQueryClient<TFacts>(AWSCredentials credentials, PipectlClientConfig<TFacts> config)
    : QueryServiceClient<TFacts>(credentials, config, null)
    where TFacts : IAwsServiceFacts
{
    public Task<XElement> CallAsync(string action, QueryParameters parameters) =>
        InvokeQueryAsync(action, parameters, CancellationToken.None);
}
