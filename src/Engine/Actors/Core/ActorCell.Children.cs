using System.Globalization;
using QbConnector.Engine.Actors.Core.SystemMessages;
using QbConnector.Engine.Actors.Supervision;

namespace QbConnector.Engine.Actors.Core;

/// <summary>
/// Children. Guarded by a lock because the system's guardian creates children from any thread; a
/// stopped child leaves the name table at once (its name may be reused) and is tracked until its
/// termination arrives.
/// </summary>
internal sealed partial class ActorCell
{
    private readonly Lock _childrenGate = new();
    private readonly Dictionary<string, ChildEntry> _children = [];
    private readonly HashSet<IInternalActorRef> _stoppingChildren = [];
    private long _nextChildNumber;

    private bool HasLiveChildren
    {
        get
        {
            lock (_childrenGate)
            {
                return _children.Count > 0 || _stoppingChildren.Count > 0;
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        ActorCell child;
        lock (_childrenGate)
        {
            if (_state is CellState.Terminating or CellState.Terminated)
            {
                throw new InvalidOperationException($"{Self.Path} is stopping and cannot create children.");
            }

            name ??= "$" + (++_nextChildNumber).ToString(CultureInfo.InvariantCulture);
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Invalid actor name '{name}'.", nameof(name));
            }

            if (_children.ContainsKey(name))
            {
                throw new InvalidOperationException($"{Self.Path} already has a child named '{name}'.");
            }

            var path = Self.Path.EndsWith('/') ? Self.Path + name : Self.Path + "/" + name;
            child = new ActorCell(System, props, Self, path, name);
            _children.Add(name, new ChildEntry(child, new ChildRestartStats()));
        }

        child.Start();
        return child.Self;
    }

    public IActorRef Child(string name)
    {
        lock (_childrenGate)
        {
            return _children.TryGetValue(name, out var entry) ? entry.Cell.Self : ActorRefs.Nobody;
        }
    }

    public IReadOnlyList<IActorRef> GetChildren()
    {
        lock (_childrenGate)
        {
            return _children.Values.Select(c => (IActorRef)c.Cell.Self).ToList();
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, Self))
        {
            Self.SendSystemMessage(new Terminate());
            return;
        }

        if (actor is not IInternalActorRef target)
        {
            return;
        }

        lock (_childrenGate)
        {
            if (target is LocalActorRef local && _children.TryGetValue(local.Name, out var entry) && ReferenceEquals(entry.Cell.Self, local))
            {
                _children.Remove(local.Name);
                _stoppingChildren.Add(local);
            }
        }

        target.SendSystemMessage(new Terminate());
    }

    internal bool TryGetChildStats(IInternalActorRef child, out ChildRestartStats stats)
    {
        lock (_childrenGate)
        {
            if (child is LocalActorRef local && _children.TryGetValue(local.Name, out var entry) && ReferenceEquals(entry.Cell.Self, local))
            {
                stats = entry.Stats;
                return true;
            }
        }

        stats = null!;
        return false;
    }

    private List<ActorCell> GetChildCells()
    {
        lock (_childrenGate)
        {
            return _children.Values.Select(c => c.Cell).ToList();
        }
    }

    private void StopAllChildren()
    {
        foreach (var child in GetChildren())
        {
            Stop(child);
        }
    }

    /// <summary>True when the actor was a child of this cell (live or stopping).</summary>
    private bool RemoveChild(IInternalActorRef actor)
    {
        lock (_childrenGate)
        {
            if (_stoppingChildren.Remove(actor))
            {
                return true;
            }

            if (actor is LocalActorRef local && _children.TryGetValue(local.Name, out var entry) && ReferenceEquals(entry.Cell.Self, local))
            {
                _children.Remove(local.Name);
                return true;
            }

            return false;
        }
    }

    private sealed record ChildEntry(ActorCell Cell, ChildRestartStats Stats);
}
