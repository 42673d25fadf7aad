using System.CommandLine;
using Pipectl.Cli.Hosting;
using Pipectl.Core.Engine;
using Pipectl.Core.Orchestration;

namespace Pipectl.Cli.Stacks;

/// <summary>The verbs that create or converge parts of a stack; <c>bootstrap</c> does them all in order.</summary>
public static class StackVerbs
{
    public static IEnumerable<Command> All(GlobalOptions options, CliConsole console)
    {
        var stack = new StackOptions();
        yield return Create("plan", "Show what bootstrap would do, resource by resource and statement by statement, without changing anything (bootstrap --dry-run).", StackParts.All, options, stack, console, planOnly: true);
        yield return Create("bootstrap", "Create or converge the whole stack: repository, buckets, roles, build project, pipeline and trigger.", StackParts.All, options, stack, console);
        yield return Create("create-repo", "Create or adopt the CodeCommit repository (--seed makes its first commit).", StackParts.Repository, options, stack, console);
        yield return Create("create-buckets", "Create or converge the artifact bucket and the static-website bucket.", StackParts.Buckets, options, stack, console);
        yield return Create("create-build", "Create or converge the build role and the CodeBuild project.", StackParts.Build, options, stack, console);
        yield return Create("create-pipeline", "Create or converge the pipeline and deploy roles, the approval topic and the pipeline.", StackParts.Pipeline, options, stack, console);
        yield return Teardown(options, stack, console);
        yield return Create("wire-trigger", "Create or converge the events role and the EventBridge rule that starts the pipeline on a push.", StackParts.Trigger, options, stack, console);
    }

    private static Command Teardown(GlobalOptions options, StackOptions stack, CliConsole console)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Delete without asking (required when not on a terminal)" };
        var keepRepo = new Option<bool>("--keep-repo") { Description = "Keep the repository" };
        var keepBuckets = new Option<bool>("--keep-buckets") { Description = "Keep both buckets and their objects" };
        var keepConnection = new Option<bool>("--keep-connection") { Description = "Keep the source connection pipectl created (its handshake need not be repeated)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Disable a CloudFront distribution without waiting for it to deploy; a later teardown deletes it" };
        var deleteImages = new Option<bool>("--delete-images") { Description = "Delete the ECR repository of a container stack even when it holds images (they go with it); without it such a repository is kept" };
        var command = new Command("teardown", "Delete what pipectl created for the stack (only that), in reverse dependency order. Takes every stack option; --seed, --seed-allow-secret, --wait-connection, --no-test-stage and --no-approval are ignored.");
        stack.AddTo(command);

        command.Options.Add(yes);
        command.Options.Add(keepRepo);
        command.Options.Add(keepBuckets);
        command.Options.Add(keepConnection);
        command.Options.Add(noWait);
        command.Options.Add(deleteImages);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var switches = new TeardownRequest(parse.GetValue(yes), parse.GetValue(keepRepo), parse.GetValue(keepBuckets), parse.GetValue(keepConnection)) { NoWait = parse.GetValue(noWait), DeleteImages = parse.GetValue(deleteImages) };
            var run = new StackRun("teardown", StackParts.All, parse, settings, stack, console, switches);
            return VerbRunner.RunAsync(console, settings, run.ExecuteAsync, cancellationToken, run.ReportFailureAsync, run.InterruptedHint);
        });
        return command;
    }

    private static Command Create(string name, string description, StackParts parts, GlobalOptions options, StackOptions stack, CliConsole console, bool planOnly = false)
    {
        var command = new Command(name, description);
        stack.AddTo(command);

        command.Options.Add(ApprovalMode.Option);
        command.Options.Add(stack.SkipPermissionCheck);

        if (parts == StackParts.All)
        {
            command.Options.Add(stack.AllowDelete);
            command.Options.Add(stack.DeleteImages);
            command.Options.Add(stack.DeleteRepo);
            command.Options.Add(stack.DeleteBuckets);
        }
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = planOnly ? options.Read(parse) with { DryRun = true } : options.Read(parse);
            var run = new StackRun(name, parts, parse, settings, stack, console);
            return VerbRunner.RunAsync(console, settings, run.ExecuteAsync, cancellationToken, run.ReportFailureAsync, run.InterruptedHint);
        });
        return command;
    }
}
