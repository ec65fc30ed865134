using QbConnector.Engine.Control.Contracts;

namespace QbConnector.TrayUi.Status;

/// <summary>What the tray and dashboard know of the engine: whether it answers, and its last status.</summary>
/// <param name="Status">The latest status; kept after the engine goes away (a one-time install's last word).</param>
internal sealed record EngineView(bool EngineRunning, EngineStatus? Status)
{
    public static readonly EngineView Unknown = new(false, null);

    public IReadOnlyList<CompanyStatus> Companies => EngineRunning ? Status?.Companies ?? [] : [];
}
