namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>
/// One qbXML request document: the message set's attributes and its requests. An empty set with
/// message-set IDs is the SDK's error recovery (see <see cref="Recover"/> and <see cref="ClearRecovery"/>).
/// </summary>
public sealed class QbMessageSet
{
    public const string DefaultVersion = "13.0";

    /// <summary>The qbXML version, at most 16.0 (use the highest the session accepts).</summary>
    public string Version { get; init; } = DefaultVersion;

    public QbOnError OnError { get; init; } = QbOnError.StopOnError;

    /// <summary>Stores the outcome under this ID (at most 24 characters) for recovery after a crash.</summary>
    public string? NewMessageSetId { get; init; }

    /// <summary>Asks for (with the same <see cref="NewMessageSetId"/>) or clears (alone) a stored outcome.</summary>
    public string? OldMessageSetId { get; init; }

    public IReadOnlyList<QbRequest> Requests { get; init; } = [];

    /// <summary>A set of requests with default attributes.</summary>
    public static QbMessageSet Of(params QbRequest[] requests) => new() { Requests = requests };

    /// <summary>Asks QuickBooks for the stored outcome of message set <paramref name="messageSetId"/>.</summary>
    public static QbMessageSet Recover(string messageSetId, string version = DefaultVersion) =>
        new() { OldMessageSetId = messageSetId, NewMessageSetId = messageSetId, Version = version };

    /// <summary>Clears the stored outcome of message set <paramref name="messageSetId"/>.</summary>
    public static QbMessageSet ClearRecovery(string messageSetId, string version = DefaultVersion) =>
        new() { OldMessageSetId = messageSetId, Version = version };
}
