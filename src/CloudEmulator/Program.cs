using System.Runtime.InteropServices;
using QbConnector.CloudEmulator.Hosting;
using Serilog;
using Serilog.Events;

namespace QbConnector.CloudEmulator;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (options, error) = EmulatorArguments.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        // Logs go to stderr: stdout carries only the machine-readable "listening" line.
        await using var log = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        Log.Logger = log;
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await using var app = await EmulatorApp.StartAsync(options, log);
            Console.Out.WriteLine($"listening grpc={app.GrpcPort} http={app.HttpPort}");
            await Console.Out.FlushAsync();
            await stop.Task;
            log.Information("Stopping");
            return 0;
        }
        catch (IOException e)
        {
            log.Fatal("Cannot start: {Reason}", e.Message);
            return 1;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
