using System.Diagnostics;
using QbConnector.Engine.Updates.Layout;

namespace QbConnector.Launcher;

/// <summary>
/// Runs the current version until it exits for good. A version on trial must write the health
/// file before the deadline and stay up until then; otherwise it is stopped, rejected for ever,
/// and the previous version is started in its place.
/// </summary>
internal sealed class LauncherLoop(InstallLayout layout, LaunchOptions options, TextWriter log)
{
    public const int NothingToRunExitCode = 3;

    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(100);

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var trial = layout.DiscardStaleTrial();
            var current = layout.ReadCurrent();
            if (current is null || !layout.IsInstalled(current))
            {
                if (trial is not null)
                {
                    Log($"version {trial.Candidate} is not installed; rolling back to {trial.Previous}");
                    layout.RollBack(trial, "not installed");
                    continue;
                }

                Log("no installed version to start");
                return NothingToRunExitCode;
            }

            if (trial is not null)
            {
                layout.ClearHealth();
            }

            using var process = Start(current);
            Log($"started version {current} (pid {process.Id}){(trial is null ? string.Empty : " on trial")}");
            if (trial is not null)
            {
                var failure = await AwaitHealthAsync(process, current, cancellation);
                if (failure is not null)
                {
                    Stop(process);
                    Log($"version {current} {failure}; rolling back to {trial.Previous}");
                    layout.RollBack(trial, failure);
                    continue;
                }

                layout.ConfirmTrial();
                Log($"version {current} is healthy");
            }

            await process.WaitForExitAsync(cancellation);
            if (process.ExitCode == InstallLayout.RestartForUpdateExitCode)
            {
                Log($"version {current} exited to restart into an update");
                continue;
            }

            Log($"version {current} exited with {process.ExitCode}");
            return process.ExitCode;
        }

        return 0;
    }

    /// <summary>Null once healthy; otherwise why the version failed its trial.</summary>
    private async Task<string?> AwaitHealthAsync(Process process, string version, CancellationToken cancellation)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (layout.IsHealthy(version))
            {
                return null;
            }

            if (process.HasExited)
            {
                return $"exited with {process.ExitCode} before reporting healthy";
            }

            if (deadline.Elapsed >= options.HealthTimeout)
            {
                return $"did not report healthy within {options.HealthTimeout.TotalSeconds:0.#} s";
            }

            // Either the process ends or the poll interval passes; the health file is checked again.
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            poll.CancelAfter(HealthPoll);
            try
            {
                await process.WaitForExitAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // Poll interval elapsed.
            }
        }
    }

    private Process Start(string version)
    {
        var info = new ProcessStartInfo(layout.EntryPoint(version))
        {
            UseShellExecute = false,
            WorkingDirectory = layout.VersionFolder(version),
        };
        foreach (var argument in options.EngineArguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[InstallLayout.HealthFileVariable] = layout.HealthFile;
        info.Environment[InstallLayout.InstallRootVariable] = layout.Root;
        return Process.Start(info) ?? throw new InvalidOperationException($"Version {version} did not start.");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Log(string message)
    {
        log.WriteLine($"launcher: {message}");
        log.Flush();
    }
}
