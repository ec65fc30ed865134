using System.Globalization;

namespace QbConnector.CloudEmulator.Store;

/// <summary>Which of two states of one record is the newer.</summary>
internal static class RecordVersions
{
    /// <summary>
    /// A delete is final (QuickBooks never reuses an id). Otherwise the higher edit sequence
    /// wins (QuickBooks' edit sequences are increasing numbers); if either is not a number, the
    /// later modification time; an equal state replaces the stored one, which changes nothing.
    /// </summary>
    public static bool IsNewer(IncomingRecord incoming, StoredRecord stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Deleted)
        {
            return false;
        }

        if (incoming.Deleted)
        {
            return true;
        }

        if (long.TryParse(incoming.EditSequence, NumberStyles.None, CultureInfo.InvariantCulture, out var incomingSequence)
            && long.TryParse(stored.EditSequence, NumberStyles.None, CultureInfo.InvariantCulture, out var storedSequence))
        {
            return incomingSequence >= storedSequence;
        }

        if (incoming.TimeModifiedUtc is { } incomingTime && stored.TimeModifiedUtc is { } storedTime)
        {
            return incomingTime >= storedTime;
        }

        return string.CompareOrdinal(incoming.EditSequence, stored.EditSequence) >= 0;
    }
}
