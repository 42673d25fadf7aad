using Pipectl.Aws.Errors;
using Pipectl.Aws.Session;

namespace Pipectl.Cli.Hosting;

/// <summary>
/// The one place that turns a verb's failure into an exit code and one line a person can act on:
/// bad input and missing credentials or region exit 2, AWS failures exit 1, Ctrl-C exits 130, and
/// anything else is a bug (exit 1, stack trace with --verbose).
/// </summary>
public static class VerbRunner
{
    /// <summary>
    /// Runs a verb with a token that Ctrl-C cancels and, with --timeout, that expires: the verb stops at its
    /// next await, a cancelled run exits 130 and a timed-out one exits 1, both saying how to finish.
    /// </summary>
    /// <param name="interruptedHint">
    /// What to do after an interruption (Ctrl-C or --timeout), with the stack's own options (a stack verb: the re-run
    /// and the teardown); null for a verb that changes nothing or whose change needs no follow-up (status --watch, logs).
    /// </param>
    public static async Task<int> RunAsync(CliConsole console, GlobalSettings settings, Func<CancellationToken, Task<int>> verb, CancellationToken cancellationToken, Func<Exception, Task>? reportFailure = null, Func<string?>? interruptedHint = null)
    {
        using var deadline = new CancellationTokenSource();
        if (settings.Timeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await verb(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"pipectl: cancelled.{Hint(interruptedHint)}").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"pipectl: timed out after {settings.Timeout!.Value.TotalSeconds:0} s (--timeout).{Hint(interruptedHint)}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            var (code, line) = Classify(e);
            if (reportFailure is not null)
            {
                await reportFailure(e).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"pipectl: {line}").ConfigureAwait(false);
            if (settings.Verbose)
            {
                await console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return code;
        }
    }

    private static string Hint(Func<string?>? hint) => hint?.Invoke() is { Length: > 0 } line ? " " + line : string.Empty;

    /// <summary>
    /// The exit code and the one-line message of a failure. A failed AWS request names its service,
    /// operation, resource, HTTP status and request id, and a hint where one is known (AwsFailureText);
    /// a message that came from AWS is kept on one line.
    /// </summary>
    public static (int Code, string Line) Classify(Exception e)
    {
        var (code, line) = ClassifyRaw(e);
        return (code, e is UsageException or Pipectl.Core.Engine.StackInputException ? line : Output.TerminalText.Inline(line));
    }

    private static (int Code, string Line) ClassifyRaw(Exception e) => e switch
    {
        UsageException => (ExitCodes.BadInput, e.Message),
        Pipectl.Core.Engine.StackInputException => (ExitCodes.BadInput, e.Message),
        Pipectl.Core.LocalFiles.LocalFileException => (ExitCodes.BadInput, e.Message),
        Pipectl.Core.StackFiles.StackSelectionException => (ExitCodes.BadInput, e.Message),
        Pipectl.Core.Provisioning.ProvisioningException => (ExitCodes.Failed, AwsFailureText.Brief(e) is { } facts ? $"{e.Message.TrimEnd('.')} ({facts})." : e.Message),
        Pipectl.Core.Provisioning.StackNotFoundException => (ExitCodes.Failed, e.Message),
        Pipectl.Core.Provisioning.PermissionsDeniedException => (ExitCodes.Failed, e.Message),
        Pipectl.Core.Provisioning.NotConfirmedException => (ExitCodes.Failed, e.Message),
        CredentialsUnavailableException => (ExitCodes.BadInput, e.Message),
        RegionUnavailableException => (ExitCodes.BadInput, e.Message),
        _ when AwsFailureText.Describe(e) is { } line => (ExitCodes.Failed, line),
        _ when AwsFailureText.IsRequestFailure(e) => (ExitCodes.Failed, Transport(e)),
        _ => (ExitCodes.Failed, $"unexpected error ({e.GetType().Name}): {e.Message}. Run again with --verbose for details."),
    };

    private static string Transport(Exception e)
    {
        var root = e;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        return root == e ? e.Message : $"{e.Message} ({root.Message})";
    }
}
