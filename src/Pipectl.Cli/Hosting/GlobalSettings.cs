using Pipectl.Aws.Session;

namespace Pipectl.Cli.Hosting;

/// <summary>The global options' values of one run.</summary>
public sealed record GlobalSettings(string? Region, string? Profile, string? EndpointUrl, OutputFormat Output, bool DryRun, bool Verbose, TimeSpan? Timeout = null)
{
    public AwsSessionOptions SessionOptions => new(Region, Profile, EndpointUrl);

    public bool Json => Output == OutputFormat.Json;
}
