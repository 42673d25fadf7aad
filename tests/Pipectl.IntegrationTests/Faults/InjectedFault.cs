using System.Net;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>When a fault strikes: before moto sees the request, or after it took effect (the reply is lost).</summary>
public enum FaultTiming
{
    Before,
    After,
}

/// <summary>What the client gets instead of moto's reply.</summary>
public enum FaultKind
{
    /// <summary>The protocol's throttling error (JSON ThrottlingException 400, Query Throttling 400, S3 SlowDown 503).</summary>
    Throttle,

    /// <summary>The protocol's server error (JSON InternalFailure 500, Query InternalFailure 500, S3 InternalError 500).</summary>
    ServerError,

    /// <summary>The connection is closed without a reply.</summary>
    Drop,

    /// <summary>A given error code and status (ExpiredToken, AccessDenied...), in the protocol's format.</summary>
    Error,

    /// <summary>An HTML page with HTTP 500, as an emulator without the operation answers (moto's Werkzeug error page).</summary>
    Unimplemented,

    /// <summary>No answer at all for a long while (<see cref="FaultProxy.StallTime"/>), then the connection is dropped.</summary>
    Stall,
}

/// <summary>One fault the proxy injects into one request.</summary>
public sealed record InjectedFault(FaultKind Kind, FaultTiming Timing, string? Code = null, HttpStatusCode Status = HttpStatusCode.BadRequest, string? Message = null)
{
    public static InjectedFault Reply(string code, HttpStatusCode status, string message) => new(FaultKind.Error, FaultTiming.Before, code, status, message);

    public override string ToString() => Kind == FaultKind.Error ? $"{Code} {(int)Status} {Timing.ToString().ToLowerInvariant()}" : $"{Kind.ToString().ToLowerInvariant()} {Timing.ToString().ToLowerInvariant()}";
}
