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
}
