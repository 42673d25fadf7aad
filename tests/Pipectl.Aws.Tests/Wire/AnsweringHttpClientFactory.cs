namespace Pipectl.Aws.Tests.Wire;

/// <summary>
/// An SDK HTTP client factory whose client never reaches the network: it records each request URI and answers
/// 200 with <paramref name="body"/> (XML). For tests of the endpoint a client picks without an override.
/// </summary>
public sealed class AnsweringHttpClientFactory(List<Uri> seen, string body) : Amazon.Runtime.HttpClientFactory
{
    public override HttpClient CreateHttpClient(Amazon.Runtime.IClientConfig clientConfig) => new(new Answering(seen, body));

    public override bool UseSDKHttpClientCaching(Amazon.Runtime.IClientConfig clientConfig) => false;

    private sealed class Answering(List<Uri> seen, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml"),
            });
        }
    }
}
