namespace QbConnector.QbGateway.Sandbox.Latency;

/// <summary>
/// How long the simulated QuickBooks takes. No trustworthy published figures exist; the "realistic" profile's
/// numbers are estimates a QuickBooks integrator would recognise from the field: a round trip through
/// QBXMLRP2 costs 100-250 ms even for a tiny query (150 ms here), each returned record a few milliseconds
/// of QuickBooks building its Ret (3 ms), each write more than a read (another 100 ms), opening a company
/// file 5-30 s depending on its size (12 s here), and starting QuickBooks itself when it is not running
/// about 30 s more (one vendor says "at least 30 s").
/// </summary>
public sealed record SandboxLatency(TimeSpan PerRequest, TimeSpan PerRecord, TimeSpan PerWrite, TimeSpan OpenCompanyFile, TimeSpan StartQuickBooks)
{
    public static SandboxLatency None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public static SandboxLatency Realistic { get; } = new(
        PerRequest: TimeSpan.FromMilliseconds(150),
        PerRecord: TimeSpan.FromMilliseconds(3),
        PerWrite: TimeSpan.FromMilliseconds(100),
        OpenCompanyFile: TimeSpan.FromSeconds(12),
        StartQuickBooks: TimeSpan.FromSeconds(30));

    /// <summary>The realistic profile's shape at a tenth of its cost: a sync in progress can be watched without taking minutes.</summary>
    public static SandboxLatency Demo { get; } = new(
        PerRequest: TimeSpan.FromMilliseconds(15),
        PerRecord: TimeSpan.FromMilliseconds(0.3),
        PerWrite: TimeSpan.FromMilliseconds(10),
        OpenCompanyFile: TimeSpan.FromSeconds(1.2),
        StartQuickBooks: TimeSpan.FromSeconds(3));

    public static SandboxLatency? Named(string? name) => name?.ToLowerInvariant() switch
    {
        "none" => None,
        "demo" => Demo,
        "realistic" => Realistic,
        _ => null,
    };
}

/// <summary>Waits on the injected clock, so tests advance a manual clock instead of sleeping.</summary>
internal static class SimulatedDelay
{
    public static void Wait(TimeProvider time, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        Task.Delay(delay, time).GetAwaiter().GetResult();
    }
}
