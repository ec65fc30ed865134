using System.Diagnostics;
using System.Globalization;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>Runs the grpc-js scripts in test/Grpc.Tests/interop with Node.</summary>
public static class NodeProcess
{
    public static string InteropFolder { get; } = Path.Combine(FindRepoRoot(), "test", "Grpc.Tests", "interop");

    /// <summary>Starts a grpc-js server script (the interop TestService by default) and waits for its "listening PORT" line.</summary>
    public static async Task<(Process Process, int Port)> StartServerAsync(string script = "server.js")
    {
        var process = Start(script);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The grpc-js server exited: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return (process, int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Runs one grpc-js client case; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunClientAsync(string address, string testCase)
    {
        using var process = Start("client.js", address, testCase);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw new TimeoutException($"grpc-js client case {testCase} did not finish.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public static void Stop(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }

    private static Process Start(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(InteropFolder, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"Run 'npm ci' in {InteropFolder} first (./build.sh test does it).");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
