namespace QbConnector.Engine.Outbox;

/// <summary>
/// What identifies one state of a record: QuickBooks changes the EditSequence on every
/// modification, so (Id, EditSequence) already sent means the same content was already sent.
/// </summary>
public readonly record struct OutboxRecordKey(string Id, string EditSequence, DateTimeOffset TimeModified);
