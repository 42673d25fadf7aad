using System.CommandLine;
using Pipectl.Aws.Errors;
using Pipectl.Cli.Hosting;
using Pipectl.Core.Operations;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Cli.Operate;

/// <summary>The pipeline an operator verb acts on, checked before anything is sent, and the hint for its next command.</summary>
/// <param name="StackName">The <c>--name</c> value.</param>
/// <param name="PipelineName">The resolved pipeline name.</param>
/// <param name="NameArguments">The options that name the pipeline again in a suggested command.</param>
internal sealed record OperatedTarget(string StackName, string PipelineName, string NameArguments)
{
    /// <summary>The stack file's spec when one names the pipeline (its <c>source:</c> says whether a connection feeds it); null otherwise.</summary>
    public Pipectl.Core.Stacks.StackSpec? Spec { get; init; }

    /// <summary>The stack file's <c>region:</c>, or null (no file, or none in it): the region the verb reads when --region is not given.</summary>
    public string? FileRegion { get; init; }

    /// <summary>The region a suggested command names with <c>--region</c>, or null when the default region is the one (see <see cref="In"/>).</summary>
    public string? HintRegion { get; init; }

    /// <summary>
    /// Every command an operator verb suggests (start, logs, approve, bootstrap...): <c>pipectl VERB</c>, the options that
    /// name the stack again (<paramref name="arguments"/>, by default <see cref="NameArguments"/>) and <c>--region R</c>
    /// when the region came from --region or from the stack file and is not the default, as the stack verbs' hints do,
    /// so the command works as typed.
    /// </summary>
    public string Command(string verb, string? arguments = null) =>
        $"pipectl {verb} {arguments ?? NameArguments}{(HintRegion is null ? string.Empty : $" --region {HintRegion}")}";

    /// <summary>The session's options: --region, else the stack file's region, else the profile's or environment's.</summary>
    public Pipectl.Aws.Session.AwsSessionOptions SessionOptions(GlobalSettings settings) => settings.SessionOptionsIn(settings.Region ?? FileRegion);

    /// <summary>
    /// This target as <paramref name="settings"/> run it: its suggested commands name <c>--region</c> when it was given,
    /// or when the stack file's region differs from the default one (the profile's or the environment's).
    /// </summary>
    public OperatedTarget In(GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hint = settings.Region
            ?? (FileRegion is { } file && !string.Equals(file, Pipectl.Aws.Session.AwsSession.TryResolveRegion(null, settings.Profile), StringComparison.Ordinal) ? file : null);
        return this with { HintRegion = hint };
    }

    public static OperatedTarget From(ParseResult parse, OperateOptions options, CliConsole console)
    {
        var overridden = parse.GetValue(options.PipelineName);
        var selection = DefaultStackFile.Select(parse.GetValue(options.File), parse.GetValue(options.Name), parse.GetValue(options.Environment), console);
        if (selection.FilePath is { } path)
        {
            var (file, environment, region) = FromFile(path, selection.Environment);
            return new OperatedTarget(file.StackName, overridden ?? file.PipelineName, environment is null ? $"-f {path}" : $"-f {path} --env {environment}") { Spec = file, FileRegion = region };
        }

        var stack = selection.Name!;
        var (name, error) = OperatedPipeline.Resolve(stack, overridden);
        if (name is null)
        {
            throw new UsageException($"{error} (nothing was sent)");
        }

        // The stack options given (every stack verb takes them) describe the stack when no file does: an
        // --approval-email given to status says which subscription to show.
        return new OperatedTarget(stack, name, Arguments(parse, options, stack)) { Spec = parse.GetValue(options.Stack.ApprovalEmail) is null ? null : OptionsSpec(parse, options, stack) };
    }

    /// <summary>
    /// --name and the stack options given (the operator verbs take every one), so that a suggested command (bootstrap,
    /// start, status) works as typed. A stack that has a record needs nothing more: bootstrap --name starts from it.
    /// </summary>
    private static string Arguments(ParseResult parse, OperateOptions options, string stack)
    {
        try
        {
            return StackArguments.For(OptionsSpec(parse, options, stack));
        }
        catch (ArgumentException)
        {
            // Options that do not make a stack together: the name alone still finds the pipeline.
            return $"{StackOptionNames.Name} {StackArguments.Quote(stack)}";
        }
    }

    /// <summary>The stack as the options given describe it (local files not read).</summary>
    private static StackSpec OptionsSpec(ParseResult parse, OperateOptions options, string stack) =>
        options.Stack.Overrides(parse, null, readFiles: false).ApplyTo(StackSpec.FromStackName(stack, "us-east-1", null));

    /// <summary>The stack and pipeline a stack file (and --env) name; the region does not change the names.</summary>
    private static (Pipectl.Core.Stacks.StackSpec Spec, string? Environment, string? Region) FromFile(string path, string? environment)
    {
        var file = Stacks.LocalInputs.ReadStackFile(path, allowOutsidePaths: true);
        var chosen = file.ToSpec(environment, "us-east-1", null);
        return (chosen.Spec, chosen.Environment, file.Region);
    }

    /// <summary>Runs <paramref name="work"/>, turning a missing pipeline into one line that says what to do (exit 1, the JSON error with --output json).</summary>
    public async Task<int> OrNotFoundAsync(string region, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException e)
        {
            throw new Pipectl.Core.Provisioning.ProvisioningException(
                $"no pipeline \"{PipelineName}\" in {region}: create it with `{Command("bootstrap")}`, or pass --pipeline-name", e);
        }
    }
}
