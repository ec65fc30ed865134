using Microsoft.Data.Sqlite;
using Serilog;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// Gives memory back to the operating system when the connector goes quiet. A sync grows the
/// heap and SQLite's page caches; left alone, the runtime keeps that memory for a burst that may
/// not come for hours, on a PC the person is using for other things.
/// </summary>
public static class IdleMemory
{
    public static void Release(ILogger log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var before = Environment.WorkingSet;
        // Idle pooled connections (and their page caches) are closed; connections in use are not touched.
        SqliteConnection.ClearAllPools();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        log.Debug("Idle: working set {Before} MB → {After} MB", before >> 20, Environment.WorkingSet >> 20);
    }
}
