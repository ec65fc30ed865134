namespace QbConnector.Benchmarks.Persistence;

/// <summary>The journal's console measurements, dispatched by their first argument before BenchmarkDotNet.</summary>
internal static class JournalMeasurements
{
    public static bool TryRun(string[] args)
    {
        switch (args)
        {
            case ["journal-recovery", ..]:
                JournalRecoveryMeasurement.Run(args);
                return true;
            case ["journal-throughput", ..]:
                JournalThroughputMeasurement.Run(args);
                return true;
            default:
                return false;
        }
    }
}
