namespace QbConnector.Engine.Diagnostics;

/// <summary>
/// Named points in the engine (a page fetched, a window committed, a push sent…) where a crash
/// test can freeze the process, so that it is killed at exactly that moment rather than at a
/// moment chosen by timing. Configured once at start-up (<c>run --pause-at NAME[#N]</c>); when
/// nothing is configured, reaching a point costs one field read.
/// </summary>
public static class PausePoints
{
    private static Target? _target;

    /// <summary>The line printed when the engine freezes at a point: <c>paused at NAME</c>.</summary>
    public static string PausedLine(string name) => "paused at " + name;

    /// <summary>
    /// Sets the point to freeze at: <paramref name="spec"/> is <c>NAME</c> (its first occurrence)
    /// or <c>NAME#N</c> (its Nth); null or empty clears it.
    /// </summary>
    public static void Configure(string? spec, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(spec))
        {
            Volatile.Write(ref _target, null);
            return;
        }

        var hash = spec.LastIndexOf('#');
        var occurrence = 1;
        if (hash >= 0 && (!int.TryParse(spec.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out occurrence) || occurrence < 1))
        {
            throw new ArgumentException($"'{spec}' is not a pause point: use NAME or NAME#N with N ≥ 1.", nameof(spec));
        }

        Volatile.Write(ref _target, new Target(hash >= 0 ? spec[..hash] : spec, occurrence, output));
    }

    /// <summary>
    /// Marks that the engine has reached <paramref name="name"/>. If that is the configured point
    /// and occurrence, prints <see cref="PausedLine"/> and blocks the calling thread for good: the
    /// process is meant to be killed there.
    /// </summary>
    public static void Reach(string name)
    {
        var target = Volatile.Read(ref _target);
        if (target is null || !string.Equals(target.Name, name, StringComparison.Ordinal) || Interlocked.Increment(ref target.Reached) != target.Occurrence)
        {
            return;
        }

        lock (target.Output)
        {
            target.Output.WriteLine(PausedLine(name));
            target.Output.Flush();
        }

        Thread.Sleep(Timeout.Infinite);
    }

    private sealed class Target(string name, int occurrence, TextWriter output)
    {
        public int Reached;

        public string Name { get; } = name;

        public int Occurrence { get; } = occurrence;

        public TextWriter Output { get; } = output;
    }
}
