using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Core.Engine;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Hosting;

/// <summary>The global options' values of one run.</summary>
public sealed record GlobalSettings(string? Region, string? Profile, string? EndpointUrl, OutputFormat Output, bool DryRun, bool Verbose, TimeSpan? Timeout = null)
{
    /// <summary>
    /// Where and as whom to talk to AWS, checked first: a region that is not a region code (from --region, the
    /// environment or the profile) or a malformed endpoint URL is exit 2 before any request. Every verb that
    /// talks to AWS gets its session options here.
    /// </summary>
    public AwsSessionOptions SessionOptions => SessionOptionsIn(null);

    public bool Json => Output == OutputFormat.Json;

    /// <summary><see cref="SessionOptions"/> for a region the verb resolved itself (a stack file's), checked the same way.</summary>
    public AwsSessionOptions SessionOptionsIn(string? region)
    {
        var chosen = region ?? Region;
        var resolved = chosen ?? AwsSession.TryResolveRegion(null, Profile);
        if (resolved is not null && !AwsConstraints.Region().IsMatch(resolved))
        {
            var source = chosen is not null ? "--region" : "the configured region (AWS_REGION, AWS_DEFAULT_REGION or the profile)";
            throw new UsageException($"{source} \"{SafeFragment.Visible(resolved)}\": region codes look like us-east-1, eu-west-2 or us-gov-west-1 (lowercase, ending in a number). Nothing was sent.");
        }

        if (EndpointUrls.FirstProblem(EndpointUrl, Environment.GetEnvironmentVariable, AwsServices.Ids) is { } problem)
        {
            throw new UsageException($"{problem}. Nothing was sent.");
        }

        return new AwsSessionOptions(chosen, Profile, EndpointUrl);
    }

    /// <summary>The region of a stack verb: --region, the stack file's, or the configured one (environment, profile); null when none is set.</summary>
    public string? StackRegion(string? fileRegion) => Region ?? fileRegion ?? AwsSession.TryResolveRegion(null, Profile);

    /// <summary>The failure of a run that must talk to AWS and has no region (exit 2).</summary>
    public static Exception NoRegion() => new RegionUnavailableException("No AWS region is set: pass --region, set AWS_REGION, or give the profile a region.");

    /// <summary>The account a stack run works on in <paramref name="region"/>: an AWS session, opened when the engine asks for it (after the input is checked).</summary>
    public IStackBackend OpenStackBackend(string region) => new AwsStackBackend(AwsSession.Create(SessionOptionsIn(region)));
}
