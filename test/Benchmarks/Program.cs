using BenchmarkDotNet.Running;

namespace QbConnector.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["journal-recovery", ..])
        {
            Persistence.JournalRecoveryMeasurement.Run(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
