using System.Text.Json;
using Pipectl.Aws.Errors;
using Pipectl.Cli.Hosting;
using Pipectl.Core.Validation;

namespace Pipectl.Cli.Output;

/// <summary>
/// The <c>error</c> member of every verb's JSON document: the code, the one line a person reads, and for a
/// failed AWS request the HTTP status, request id, service, operation and resource (null when unknown).
/// </summary>
public static class ErrorJson
{
    public static void WriteMember(Utf8JsonWriter writer, string code, string message, Exception? failure)
    {
        var request = failure is null ? null : AwsFailedRequest.Of(failure);
        var reply = AwsFailureText.ReplyOf(failure);
        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        if (reply is null)
        {
            writer.WriteNull("httpStatus");
        }
        else
        {
            writer.WriteNumber("httpStatus", reply.HttpStatus);
        }

        writer.WriteString("requestId", reply?.RequestId);
        writer.WriteString("service", request?.Service);
        writer.WriteString("operation", request?.Operation);
        writer.WriteString("resource", request?.Resource);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The one mapper of a failure to its JSON <c>error.code</c>: BadInput for bad input (exit 2), else the code of the
    /// AWS reply the failure holds, else the code the failure carries (<see cref="ICodedFailure"/>). Only an exception
    /// pipectl does not own (the runtime's, the SDK's transport errors) is named after its class.
    /// </summary>
    public static string CodeOf(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (VerbRunner.Classify(failure).Code == ExitCodes.BadInput)
        {
            return ErrorCodes.BadInput;
        }

        return AwsFailureText.ReplyOf(failure) is { ErrorCode: { Length: > 0 } code } ? code
            : failure is ICodedFailure coded ? coded.ErrorCode
            : failure.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>With --output json, prints <c>{"command": ..., "error": {...}}</c> for a verb that failed before it had a result.</summary>
    public static Func<Exception, Task> Reporter(string command, GlobalSettings settings, CliConsole console) => async failure =>
    {
        if (!settings.Json)
        {
            return;
        }

        var (_, line) = VerbRunner.Classify(failure);
        await console.Out.WriteLineAsync(JsonText.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            WriteMember(writer, CodeOf(failure), line, failure);
            writer.WriteEndObject();
        })).ConfigureAwait(false);
    };
}
