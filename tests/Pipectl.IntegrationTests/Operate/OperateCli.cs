using Pipectl.Aws.Tests.Operations;
using Pipectl.Aws.Tests.Wire;
using Pipectl.IntegrationTests.Cli;

namespace Pipectl.IntegrationTests.Operate;

/// <summary>Runs an operator verb in-process against a scripted loopback CodePipeline.</summary>
internal static class OperateCli
{
    /// <summary>
    /// The scripted last reply repeats, so a watch that fails to see the end would spin: a generous --timeout
    /// (unless the test sets its own) turns that into a failed test instead of a hung run. No test waits for it.
    /// </summary>
    public static Task<CliRun> RunAsync(WireServer server, params string[] args) =>
        CliRun.RunAsync([.. args, "--endpoint-url", server.Url, "--region", "us-east-1", .. args.Contains("--timeout") ? Array.Empty<string>() : ["--timeout", "60"]]);

    /// <summary>
    /// A pipeline whose state and executions answer with these replies (the last one repeating), of a stack without a
    /// record (SSM GetParameter: ParameterNotFound; status --name reads the record for the approval e-mail).
    /// </summary>
    public static ScriptedCodePipeline Pipeline(string[] states, string[] executions) =>
        new ScriptedCodePipeline().On("GetPipelineState", states).On("ListPipelineExecutions", executions).On("GetParameter", NoRecord);

    /// <summary>SSM GetParameter for a stack without a record (ParameterNotFound, 400, as AWS answers it).</summary>
    public static WireReply NoRecord => WireReply.JsonError(400, "ParameterNotFound", "Parameter not found.");

    public static ScriptedCodePipeline Pipeline(string state, string executions) => Pipeline([state], [executions]);

    public static IReadOnlyList<string?> Operations(WireServer server) => [.. server.Requests.Select(ScriptedCodePipeline.Operation)];
}
