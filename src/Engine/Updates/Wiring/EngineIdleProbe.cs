using QbConnector.Engine.Outbox;
using QbConnector.Engine.Reporting;

namespace QbConnector.Engine.Updates.Wiring;

/// <summary>
/// The engine is idle when no company is working on something (a company held up by a problem only a person
/// can fix is not working: a restart costs it nothing) and every page in the outbox has been acknowledged.
/// </summary>
public sealed class EngineIdleProbe(StatusBoard status, SqliteOutbox outbox) : IEngineIdleProbe
{
    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        if (status.Snapshot().Any(c => c.Work is not null && c.Problem is null))
        {
            return false;
        }

        return (await outbox.PendingCompaniesAsync(cancellationToken).ConfigureAwait(false)).Count == 0;
    }
}
