using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Shutdown;

/// <summary>
/// Stops the process in named phases run in order, each phase's tasks together and bounded by the
/// phase's timeout (as Akka's CoordinatedShutdown). The last default phase terminates the actor system.
/// </summary>
public sealed class CoordinatedShutdown
{
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";
    public const string PhaseServiceUnbind = "service-unbind";
    public const string PhaseServiceRequestsDone = "service-requests-done";
    public const string PhaseServiceStop = "service-stop";
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Name, Func<CancellationToken, Task> Run)>> _tasks = new();
    private readonly Lock _gate = new();
    private Task? _run;

    private CoordinatedShutdown(ActorSystem system, IReadOnlyList<ShutdownPhase> phases)
    {
        _system = system;
        Phases = phases;
        if (phases.Any(p => p.Name == PhaseActorSystemTerminate))
        {
            AddTask(PhaseActorSystemTerminate, "terminate-system", _ => system.Terminate());
        }
    }

    public static IReadOnlyList<ShutdownPhase> DefaultPhases { get; } =
    [
        new(PhaseBeforeServiceUnbind, TimeSpan.FromSeconds(5)),
        new(PhaseServiceUnbind, TimeSpan.FromSeconds(5)),
        new(PhaseServiceRequestsDone, TimeSpan.FromSeconds(5)),
        new(PhaseServiceStop, TimeSpan.FromSeconds(5)),
        new(PhaseBeforeActorSystemTerminate, TimeSpan.FromSeconds(5)),
        new(PhaseActorSystemTerminate, TimeSpan.FromSeconds(10)),
    ];

    public IReadOnlyList<ShutdownPhase> Phases { get; }

    /// <summary>Why the shutdown runs; null before Run.</summary>
    public object? Reason { get; private set; }

    /// <summary>The system's coordinated shutdown, with the default phases unless Register came first.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(s => new CoordinatedShutdown(s, DefaultPhases));
    }

    /// <summary>Gives the system a coordinated shutdown with these phases, in this order.</summary>
    public static CoordinatedShutdown Register(ActorSystem system, IReadOnlyList<ShutdownPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != phases.Count)
        {
            throw new ArgumentException("Phase names must be unique.", nameof(phases));
        }

        var shutdown = new CoordinatedShutdown(system, phases);
        return system.TryRegisterExtension(shutdown)
            ? shutdown
            : throw new InvalidOperationException("The actor system already has a coordinated shutdown.");
    }

    public void AddTask(string phase, string taskName, Func<CancellationToken, Task> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        if (!Phases.Any(p => p.Name == phase))
        {
            throw new ArgumentException($"Unknown shutdown phase '{phase}'.", nameof(phase));
        }

        _tasks.GetOrAdd(phase, _ => new()).Enqueue((taskName, task));
    }

    /// <summary>Runs the phases once; later calls return the same task.</summary>
    public Task Run(object reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is null)
            {
                Reason = reason;
                _run = RunPhases();
            }

            return _run;
        }
    }

    private async Task RunPhases()
    {
        _system.Log.Information("Coordinated shutdown: {Reason}", Reason);
        foreach (var phase in Phases)
        {
            if (!_tasks.TryGetValue(phase.Name, out var tasks) || tasks.IsEmpty)
            {
                continue;
            }

            using var cancel = new CancellationTokenSource();
            var running = tasks.Select(t => RunTask(phase, t.Name, t.Run, cancel.Token)).ToList();
            try
            {
                await Task.WhenAll(running).WaitAsync(phase.Timeout, _system.Time);
            }
            catch (TimeoutException)
            {
                await cancel.CancelAsync();
                _system.Log.Warning("Shutdown phase {Phase} timed out after {Timeout}", phase.Name, phase.Timeout);
                if (!phase.Recover)
                {
                    _system.Log.Error("Shutdown phase {Phase} does not recover; aborting the remaining phases", phase.Name);
                    return;
                }
            }
            catch (Exception) when (phase.Recover)
            {
                // Already logged per task; the next phase runs regardless.
            }
            catch (Exception)
            {
                _system.Log.Error("Shutdown phase {Phase} failed and does not recover; aborting the remaining phases", phase.Name);
                return;
            }
        }
    }

    private async Task RunTask(ShutdownPhase phase, string name, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run(cancellationToken);
        }
        catch (Exception ex)
        {
            _system.Log.Error(ex, "Shutdown task {Task} of phase {Phase} failed", name, phase.Name);
            throw;
        }
    }
}
