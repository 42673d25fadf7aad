using System.Collections.Concurrent;
using Pipectl.Aws.Tests.Wire;

namespace Pipectl.Aws.Tests.Operations;

/// <summary>
/// A <see cref="WireServer"/> responder that answers each JSON 1.1 operation (by X-Amz-Target) from its own
/// script: the replies are given in order and the last one repeats, so a watch can be scripted as
/// "in progress, in progress, succeeded". STS GetCallerIdentity (Query) answers with a fixed account.
/// An operation without a script is answered with a 400 the test will see.
/// </summary>
public sealed class ScriptedCodePipeline
{
    public const string Account = "123456789012";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<WireReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WireReply> _last = new(StringComparer.Ordinal);

    /// <summary>Scripts <paramref name="operation"/> (e.g. "GetPipelineState"): these replies in order, the last one repeating.</summary>
    public ScriptedCodePipeline On(string operation, params string[] jsonReplies) => On(operation, jsonReplies.Select(WireReply.Json).ToArray());

    public ScriptedCodePipeline On(string operation, params WireReply[] replies)
    {
        var queue = _scripts.GetOrAdd(operation, _ => new ConcurrentQueue<WireReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }

        return this;
    }

    /// <summary>A server answering from this script.</summary>
    public WireServer Serve() => new() { Responder = Answer };

    /// <summary>The CodePipeline operation of a recorded request (the part of X-Amz-Target after the dot).</summary>
    public static string? Operation(RecordedRequest request) => request.Target?.Split('.', 2)[^1];

    /// <summary>STS GetCallerIdentity's answer for <see cref="Account"/>.</summary>
    public static WireReply CallerIdentity => WireReply.Xml($"""
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
        <Arn>arn:aws:iam::{Account}:user/ops</Arn><UserId>AIDAEXAMPLE</UserId><Account>{Account}</Account>
        </GetCallerIdentityResult><ResponseMetadata><RequestId>{WireReply.RequestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>
        """);

    /// <summary>True for an STS GetCallerIdentity (Query protocol) request.</summary>
    public static bool IsCallerIdentity(RecordedRequest request) =>
        request.Target is null && request.BodyText.Contains("Action=GetCallerIdentity", StringComparison.Ordinal);

    private WireReply Answer(RecordedRequest request)
    {
        if (IsCallerIdentity(request))
        {
            return CallerIdentity;
        }

        var operation = Operation(request) ?? "(none)";
        if (_scripts.TryGetValue(operation, out var queue) && queue.TryDequeue(out var next))
        {
            _last[operation] = next;
            return next;
        }

        return _last.TryGetValue(operation, out var repeat)
            ? repeat
            : WireReply.JsonError(400, "ValidationException", $"the test did not script {operation}");
    }
}
