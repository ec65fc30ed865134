namespace QbConnector.Engine.Persistence.Journal;

/// <summary>Events of one persistence id that are stored all or none (PersistAll), as Akka's AtomicWrite.</summary>
public sealed record AtomicWrite(IReadOnlyList<PersistentRepresentation> Payload)
{
    public string PersistenceId => Payload[0].PersistenceId;

    public long LowestSequenceNr => Payload[0].SequenceNr;

    public long HighestSequenceNr => Payload[^1].SequenceNr;
}
