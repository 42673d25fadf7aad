namespace Pipectl.Aws.Session;

/// <summary>
/// What the user said about where and as whom to talk to AWS (global CLI options). <paramref name="RequestTimeout"/>
/// bounds one attempt of one request (<see cref="AwsSession.DefaultRequestTimeout"/> when null).
/// </summary>
public sealed record AwsSessionOptions(string? Region = null, string? Profile = null, string? EndpointUrl = null, TimeSpan? RequestTimeout = null);
