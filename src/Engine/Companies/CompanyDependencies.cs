using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Reporting;

namespace QbConnector.Engine.Companies;

/// <summary>What every company actor shares with the rest of the engine.</summary>
public sealed record CompanyDependencies(
    IActorRef Gateway,
    IActorRef CloudLink,
    SqliteOutbox Outbox,
    StatusBoard Status,
    SyncOptions Sync,
    TimeProvider Time);
