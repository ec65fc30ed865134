using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Benchmarks.Persistence;

/// <summary>An event of the size the company actors persist (a completed sync window).</summary>
[EventManifest("bench.window-completed.v1")]
public sealed record BenchWindowCompleted(string CompanyFile, string DataType, DateTimeOffset UpTo, int Records);

internal static class BenchmarkEvents
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static EventSerializer Serializer { get; } = new(EventTypeRegistry.FromAssemblies(typeof(BenchmarkEvents).Assembly));

    public static PersistentRepresentation Event(string pid, long sequenceNr) =>
        new(pid, sequenceNr, new BenchWindowCompleted("C:\\Company Files\\Acme Ltd.qbw", "Invoice", Start.AddMinutes(sequenceNr), 250), Start, "bench");

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "qbc-journal-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files must not fail a measurement.
        }
    }
}
