using System.CommandLine;
using Pipectl.Aws.Errors;
using Pipectl.Cli.Hosting;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>The pipeline an operator verb acts on, checked before anything is sent, and the hint for its next command.</summary>
/// <param name="StackName">The <c>--name</c> value.</param>
/// <param name="PipelineName">The resolved pipeline name.</param>
/// <param name="NameArguments">The options that name the pipeline again in a suggested command.</param>
internal sealed record OperatedTarget(string StackName, string PipelineName, string NameArguments)
{
    public static OperatedTarget From(ParseResult parse, OperateOptions options)
    {
        var stack = parse.GetValue(options.Name) ?? string.Empty;
        var overridden = parse.GetValue(options.PipelineName);
        var (name, error) = OperatedPipeline.Resolve(stack, overridden);
        if (name is null)
        {
            throw new UsageException($"{error} (nothing was sent)");
        }

        var arguments = string.IsNullOrWhiteSpace(overridden) ? $"--name {stack}" : $"--name {stack} --pipeline-name {name}";
        return new OperatedTarget(stack, name, arguments);
    }

    /// <summary>Runs <paramref name="work"/>, turning a missing pipeline into one line that says what to do (exit 1).</summary>
    public async Task<int> OrNotFoundAsync(CliConsole console, string region, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException e)
        {
            await console.Error.WriteLineAsync(
                $"pipectl: no pipeline \"{PipelineName}\" in {region} ({e.Code}): create it with `pipectl bootstrap --name {StackName}`, or pass --pipeline-name.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
