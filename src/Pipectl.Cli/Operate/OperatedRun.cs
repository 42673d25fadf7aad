using System.CommandLine;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;

namespace Pipectl.Cli.Operate;

/// <summary>
/// One run of an operator verb that reads a pipeline: the parsed command line, the global settings, the
/// pipeline it acts on, the session, and the token. <see cref="SetAction"/> wires the shared part once:
/// target check before anything is sent, a missing pipeline as one line, the JSON error document.
/// </summary>
internal sealed record OperatedRun(ParseResult Parse, GlobalSettings Settings, OperatedTarget Target, AwsSession Session, CancellationToken Token)
{
    public PipelineOperations Operations => new(Session.CodePipeline);

    public BuildLogs BuildLogs => new(Session.CodePipeline, Session.CodeBuild, Session.Logs, Session.Region);

    public static void SetAction(Command command, GlobalOptions options, OperateOptions operate, CliConsole console, Func<OperatedRun, Task<int>> body)
    {
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            return VerbRunner.RunAsync(console, settings, async token =>
            {
                var target = OperatedTarget.From(parse, operate, console).In(settings);
                using var session = AwsSession.Create(target.SessionOptions(settings));
                return await target.OrNotFoundAsync(session.Region, () => body(new OperatedRun(parse, settings, target, session, token))).ConfigureAwait(false);
            }, cancellationToken, ErrorJson.Reporter(command.Name, settings, console));
        });
    }
}
