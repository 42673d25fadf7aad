using System.CommandLine;
using Pipectl.Aws.Operations;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.Operations;

namespace Pipectl.Cli.Operate;

/// <summary>
/// <c>pipectl approve</c> / <c>pipectl reject --name &lt;stack&gt; [--comment TEXT]</c>: finds the manual
/// approval that waits (whatever its stage and action are called) and its token in the pipeline state, and
/// sends the decision. No waiting approval: exit 1 with one line, nothing sent.
/// </summary>
public static class ApprovalCommand
{
    /// <summary>PutApprovalResult's limit on the summary.</summary>
    public const int MaxCommentLength = 512;

    public static Command Create(ApprovalDecision decision, GlobalOptions options, OperateOptions operate, CliConsole console)
    {
        var (name, description) = decision == ApprovalDecision.Approve
            ? ("approve", "Approve the manual approval that waits in the stack's pipeline (found in any stage).")
            : ("reject", "Reject the manual approval that waits in the stack's pipeline (found in any stage).");
        var command = new Command(name, description);
        operate.AddTargetTo(command);
        command.Options.Add(operate.Comment);
        command.Options.Add(operate.Stage);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            return VerbRunner.RunAsync(console, settings, async token =>
            {
                var target = OperatedTarget.From(parse, operate, console).In(settings);
                var comment = parse.GetValue(operate.Comment);
                if (comment is { Length: > MaxCommentLength })
                {
                    throw new UsageException($"--comment: {comment.Length} characters, at most {MaxCommentLength} (nothing was sent)");
                }

                var summary = string.IsNullOrWhiteSpace(comment) ? $"{(decision == ApprovalDecision.Approve ? "Approved" : "Rejected")} with pipectl" : comment;
                using var session = AwsSession.Create(target.SessionOptions(settings));
                var operations = new PipelineOperations(session.CodePipeline);
                var run = new Decision(name, decision, target, parse.GetValue(operate.Stage), summary, settings, console);
                return await target.OrNotFoundAsync(session.Region, () => run.ExecuteAsync(operations, token)).ConfigureAwait(false);
            }, cancellationToken, ErrorJson.Reporter(name, settings, console));
        });
        return command;
    }

    private sealed class Decision(string command, ApprovalDecision decision, OperatedTarget target, string? stage, string summary, GlobalSettings settings, CliConsole console)
    {
        public async Task<int> ExecuteAsync(PipelineOperations operations, CancellationToken cancellationToken)
        {
            var status = await operations.ReadStatusAsync(target.PipelineName, cancellationToken).ConfigureAwait(false);
            var waiting = ApprovalFinder.FindAll(status, stage);
            if (waiting.Count != 1)
            {
                var where = stage is null ? string.Empty : $" in stage {stage}";
                var line = waiting.Count == 0
                    ? $"no approval is waiting in {target.PipelineName}{where}: nothing was sent."
                    : $"{waiting.Count} approvals are waiting in {target.PipelineName} ({string.Join(", ", waiting)}): pass --stage to choose one; nothing was sent.";
                await FailAsync(waiting.Count == 0 ? Pipectl.Core.Validation.ErrorCodes.NoPendingApproval : Pipectl.Core.Validation.ErrorCodes.SeveralPendingApprovals, line).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var approval = waiting[0];
            var verb = decision == ApprovalDecision.Approve ? "approve" : "reject";
            if (settings.DryRun)
            {
                await console.Error.WriteLineAsync($"dry run: would {verb} {approval} of {target.PipelineName} (nothing was sent)").ConfigureAwait(false);
                await ReportAsync(approval, $"would-{verb}").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await operations.DecideAsync(target.PipelineName, approval, decision, summary, cancellationToken).ConfigureAwait(false);
            await ReportAsync(approval, decision == ApprovalDecision.Approve ? "approved" : "rejected").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        private async Task ReportAsync(PendingApproval approval, string result)
        {
            if (settings.Json)
            {
                await console.Out.WriteLineAsync(JsonText.Write(writer =>
                {
                    Head(writer);
                    writer.WriteString("stage", approval.StageName);
                    writer.WriteString("action", approval.ActionName);
                    writer.WriteString("result", result);
                    writer.WriteString("comment", summary);
                    writer.WriteEndObject();
                })).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteLineAsync($"{result.Replace('-', ' ')} {approval} of {target.PipelineName}: {summary}").ConfigureAwait(false);
            }
        }

        private async Task FailAsync(string code, string line)
        {
            if (settings.Json)
            {
                await console.Out.WriteLineAsync(JsonText.Write(writer =>
                {
                    Head(writer);
                    writer.WriteStartObject("error");
                    writer.WriteString("code", code);
                    writer.WriteString("message", line);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                })).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"pipectl: {line}").ConfigureAwait(false);
        }

        private void Head(System.Text.Json.Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            writer.WriteString("pipeline", target.PipelineName);
            writer.WriteBoolean("dryRun", settings.DryRun);
        }
    }
}
