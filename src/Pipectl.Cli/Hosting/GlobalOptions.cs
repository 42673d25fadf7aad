using System.CommandLine;

namespace Pipectl.Cli.Hosting;

/// <summary>The options every verb takes, defined once (names as the AWS CLI spells them).</summary>
public sealed class GlobalOptions
{
    public Option<string?> Region { get; } = new("--region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region)" };

    public Option<string?> Profile { get; } = new("--profile") { Description = "Named profile from ~/.aws/config (SSO and assume-role profiles work)" };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "One endpoint URL for every service (an emulator); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> work too" };

    /// <summary>No default value factory: help would print the enum member ("Text"); unset means text.</summary>
    public Option<OutputFormat?> Output { get; } = new("--output")
    {
        Description = "text (default) or json: one JSON document on stdout",
        HelpName = "text|json",
        CustomParser = result => ParseOutput(result),
    };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Show the plan without changing anything (no mutating call)" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Add the stack trace to an error (the error line already names the request id)" };

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "Stop the whole command after this long: 90s, 10m, 1h or plain seconds (exit 1; a re-run finishes)",
        CustomParser = result => Durations.Parse(result),
    };

    public GlobalOptions()
    {
        // Complete the values as typed (text, json), not the enum's member names.
        Output.CompletionSources.Clear();
        Output.CompletionSources.Add([.. Names]);

        // The shell offers every region the SDK knows (the same list "did you mean" draws from).
        Region.CompletionSources.Add([.. Pipectl.Aws.Session.KnownRegions.All]);
    }

    /// <summary>The options that say where AWS is and who calls it: only verbs that send requests take them.</summary>
    public IEnumerable<Option> Aws => [Region, Profile, EndpointUrl, Timeout];

    /// <summary>
    /// The global options <paramref name="verb"/> uses, so its help lists only those: the local verbs
    /// (validate, init, export) take no AWS option, only the verbs that change something take --dry-run.
    /// </summary>
    public IEnumerable<Option> For(string verb) => verb switch
    {
        "validate" or "init" or "export" => [Output, Verbose],
        "completion" => [],
        "bootstrap" or "create-repo" or "create-buckets" or "create-build" or "create-pipeline" or "wire-trigger" or "teardown" or "start" or "approve" or "reject"
            => [.. Aws, Output, DryRun, Verbose],
        _ => [.. Aws, Output, Verbose],
    };

    /// <summary>The allowed values named, not the enum type (System.CommandLine's own message names the type).</summary>
    private static OutputFormat? ParseOutput(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            if (string.Equals(format.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        result.AddError($"--output \"{text}\": expected one of {string.Join(", ", Names)}");
        return OutputFormat.Text;
    }

    /// <summary>The values --output accepts, as typed (text, json); shell completion offers them too.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetNames<OutputFormat>().Select(n => n.ToLowerInvariant())];

    /// <summary>The values given on one command line.</summary>
    public GlobalSettings Read(ParseResult parse) => new(
        parse.GetValue(Region),
        parse.GetValue(Profile),
        parse.GetValue(EndpointUrl),
        parse.GetValue(Output) ?? OutputFormat.Text,
        parse.GetValue(DryRun),
        parse.GetValue(Verbose),
        parse.GetValue(Timeout));
}
