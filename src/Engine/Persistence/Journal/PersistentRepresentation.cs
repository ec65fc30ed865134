namespace QbConnector.Engine.Persistence.Journal;

/// <summary>One stored event, as Akka.Persistence's IPersistentRepresentation.</summary>
/// <param name="Payload">The event object; the journal serialises it with a stable manifest.</param>
/// <param name="WriterGuid">Identifies the actor incarnation that wrote it (diagnostics only).</param>
public sealed record PersistentRepresentation(
    string PersistenceId,
    long SequenceNr,
    object Payload,
    DateTimeOffset Timestamp,
    string WriterGuid);
