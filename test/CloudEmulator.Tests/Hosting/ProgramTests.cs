using System.Diagnostics;

namespace QbConnector.CloudEmulator.Tests.Hosting;

/// <summary>The real program, as the demo starts it.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Prints_the_chosen_ports_and_answers_on_them_then_stops_on_sigterm()
    {
        var dir = Directory.CreateTempSubdirectory("cloud-emulator-program-").FullName;
        using var process = Start("--grpc-port", "0", "--http-port", "0", "--data", dir);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            line.Should().MatchRegex("^listening grpc=[0-9]+ http=[0-9]+$");
            var http = int.Parse(line!.Split("http=")[1], System.Globalization.CultureInfo.InvariantCulture);
            using var client = new HttpClient();
            var companies = await client.GetStringAsync(new Uri($"http://127.0.0.1:{http}/companies"));
            companies.Should().Be("[]");
        }
        finally
        {
            Signal(process);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }

        if (!OperatingSystem.IsWindows())
        {
            process.ExitCode.Should().Be(0, "SIGTERM is a clean stop");
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_non_zero_with_a_message()
    {
        using var process = Start("--grpc-port", "nope");
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        process.ExitCode.Should().NotBe(0);
        error.Should().Contain("--grpc-port must be a number");
    }

    private static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "QbConnector.CloudEmulator.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static void Signal(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            process.Kill();
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
