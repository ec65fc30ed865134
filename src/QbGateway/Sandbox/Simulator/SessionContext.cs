using System.Globalization;
using QbConnector.QbGateway.Sandbox.Iterators;
using QbConnector.QbGateway.Sandbox.Store;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.QbGateway.Sandbox.Simulator;

/// <summary>What a request handler sees of its session: the open company file, the clock, the session's iterators.</summary>
internal sealed class SessionContext(CompanyStore store, SandboxCompany company, TimeProvider time, string appId, string companyFile, QbFileMode mode, bool automaticLogin)
{
    public CompanyStore Store { get; } = store;

    public SandboxCompany Company { get; } = company;

    public TimeProvider Time { get; } = time;

    public string AppId { get; } = appId;

    public string CompanyFile { get; } = companyFile;

    public QbFileMode Mode { get; } = mode;

    public bool AutomaticLogin { get; } = automaticLogin;

    public IteratorRegistry Iterators { get; } = new();

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().ToOffset(Company.UtcOffset).DateTime);

    /// <summary>QuickBooks' EditSequence is the modification time in seconds; it must change on every modification.</summary>
    public static string NextEditSequence(long now, string? previous)
    {
        var value = now;
        if (previous is not null && long.TryParse(previous, NumberStyles.None, CultureInfo.InvariantCulture, out var old) && old >= value)
        {
            value = old + 1;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
