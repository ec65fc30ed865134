namespace QbConnector.Engine.Persistence.Journal;

/// <summary>Checks that every journal implementation applies to the writes it is given.</summary>
internal static class AtomicWriteValidation
{
    public static void Validate(IReadOnlyList<AtomicWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            ArgumentNullException.ThrowIfNull(write, nameof(writes));
            if (write.Payload is null || write.Payload.Count == 0)
            {
                throw new ArgumentException("An AtomicWrite must hold at least one event.", nameof(writes));
            }

            var persistenceId = write.Payload[0].PersistenceId;
            ArgumentException.ThrowIfNullOrEmpty(persistenceId, nameof(writes));
            var previous = 0L;
            foreach (var representation in write.Payload)
            {
                if (representation.PersistenceId != persistenceId)
                {
                    throw new ArgumentException(
                        $"An AtomicWrite holds events of one persistence id only; found '{representation.PersistenceId}' beside '{persistenceId}'.",
                        nameof(writes));
                }

                if (representation.SequenceNr <= previous)
                {
                    throw new ArgumentException(
                        $"Sequence numbers of an AtomicWrite must be positive and increasing; {representation.SequenceNr} follows {previous} for '{persistenceId}'.",
                        nameof(writes));
                }

                previous = representation.SequenceNr;
            }
        }
    }
}
