using QbConnector.Engine.Control.Contracts;

namespace QbConnector.Engine.Control;

/// <summary>
/// What the local control API can ask of the running engine. Commands that cannot be carried
/// out throw <see cref="ControlException"/> with a message for the person and an HTTP status.
/// </summary>
public interface IEngineControl
{
    Task<EngineStatus> GetStatusAsync(CancellationToken cancellationToken);

    Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken cancellationToken);

    Task<CommandResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken);

    Task<CommandResult> PauseAsync(PauseRequest request, CancellationToken cancellationToken);

    Task<CommandResult> ResumeAsync(string? companyId, CancellationToken cancellationToken);

    Task<CommandResult> UnlinkAsync(string companyId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when the status may have changed, so the live status stream can send it at once.
    /// The default never completes; the stream then re-reads the status at its poll interval.
    /// </summary>
    Task StatusChangedAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>
    /// Which platform a licence key belongs to, so the person can confirm before linking. The
    /// default answers without branding ("link" rather than "link with &lt;platform&gt;").
    /// </summary>
    Task<LicenceInfo> DescribeLicenceAsync(string licenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(new LicenceInfo(licenceKey, null));
}
