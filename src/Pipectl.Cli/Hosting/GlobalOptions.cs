using System.CommandLine;

namespace Pipectl.Cli.Hosting;

/// <summary>The options every verb takes, defined once (names as the AWS CLI spells them).</summary>
public sealed class GlobalOptions
{
    public Option<string?> Region { get; } = new("--region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region)", Recursive = true };

    public Option<string?> Profile { get; } = new("--profile") { Description = "Named profile from ~/.aws/config (SSO and assume-role profiles work)", Recursive = true };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "One endpoint URL for every service (an emulator); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> work too", Recursive = true };

    public Option<OutputFormat> Output { get; } = new("--output") { Description = "text (default) or json: one JSON document on stdout", HelpName = "text|json", Recursive = true, DefaultValueFactory = _ => OutputFormat.Text };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Show the plan without changing anything (no mutating call)", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "More detail: request ids and stack traces on errors", Recursive = true };

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "Stop the whole command after this long: 90s, 10m, 1h or plain seconds (exit 1; a re-run finishes)",
        Recursive = true,
        CustomParser = result => Durations.Parse(result),
    };

    public IEnumerable<Option> All => [Region, Profile, EndpointUrl, Output, DryRun, Verbose, Timeout];

    /// <summary>The values given on one command line.</summary>
    public GlobalSettings Read(ParseResult parse) => new(
        parse.GetValue(Region),
        parse.GetValue(Profile),
        parse.GetValue(EndpointUrl),
        parse.GetValue(Output),
        parse.GetValue(DryRun),
        parse.GetValue(Verbose),
        parse.GetValue(Timeout));
}
