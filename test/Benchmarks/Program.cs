using BenchmarkDotNet.Running;

namespace QbConnector.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (Persistence.JournalMeasurements.TryRun(args))
        {
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
