namespace Pipectl.Aws.Logs;

// Request and reply shapes of the CloudWatch Logs operations pipectl calls (botocore logs 2014-03-28).
// Members are camelCase on the wire; Logs timestamps are milliseconds since the epoch (a long, not a timestamp).

/// <summary>
/// GetLogEvents input: the stream is required; startFromHead true reads forward from the oldest event,
/// false (the default) returns the newest <c>limit</c> events.
/// </summary>
public sealed record GetLogEventsRequest(
    string LogGroupName,
    string LogStreamName,
    bool? StartFromHead = null,
    int? Limit = null,
    string? NextToken = null);

/// <summary>One page of events, oldest first, and the tokens to read on (forward) or back.</summary>
public sealed record GetLogEventsReply(IReadOnlyList<LogEvent>? Events, string? NextForwardToken = null, string? NextBackwardToken = null);

/// <summary>One log event: its time (ms since the epoch) and its line.</summary>
public sealed record LogEvent(long? Timestamp, string? Message, long? IngestionTime = null);
