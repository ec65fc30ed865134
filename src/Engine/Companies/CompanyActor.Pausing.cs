using QbConnector.CloudContract.V1;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Sync.Scheduling;
using SyncHours = QbConnector.Engine.Sync.Scheduling.SyncHours;
using WorkCompleted = QbConnector.Engine.Companies.Events.WorkCompleted;

namespace QbConnector.Engine.Companies;

/// <summary>
/// Pausing, sync hours and what the status shows of them. A pause (by the person or the cloud,
/// for a while or until resumed) is persisted, so it holds across restarts; while it holds, no
/// new sync or push is started and nothing is scheduled (a push already sent to QuickBooks is
/// carried through). A timed pause ends by itself.
/// </summary>
public sealed partial class CompanyActor
{
    private const string PauseTimer = "pause-ends";
    private bool _paused;
    private DateTimeOffset? _pausedUntil;

    /// <summary>True while a pause is in force; a timed pause whose end has passed is over.</summary>
    private bool IsPaused => _paused && (_pausedUntil is not { } until || _deps.Time.GetUtcNow() < until);

    /// <summary>The company's command handlers for pausing and removal.</summary>
    private void RegisterModeCommands()
    {
        Command<PauseCompany>(pause => Pause(pause.Until, pause.By, Sender));
        Command<ResumeCompany>(resume => Resume(resume.By, Sender));
        Command<GetPauseState>(_ => Sender.Tell(CurrentPauseState(), Self));
        Command<PauseEnded>(_ =>
        {
            Log.Information("Company {Company}: the pause has ended", _profile.CompanyId);
            PublishStatus();
            Self.Tell(ScheduleTick.Instance, Self);
            Advance();
            AdvancePushes();
        });
        RegisterRemovalCommands();
    }

    /// <summary>Applies the events of pausing and one-time mode (while recovering and after persisting).</summary>
    private void ApplyModeEvent(object e)
    {
        switch (e)
        {
            case Paused paused:
                _paused = true;
                _pausedUntil = paused.Until;
                break;
            case Resumed:
                _paused = false;
                _pausedUntil = null;
                break;
            case WorkCompleted completed when IsCloudWork(completed.WorkId):
                _cloudWorkCompleted = true;
                break;
        }
    }

    private void OnModesRecovered()
    {
        ArmPauseTimer();
        ArmOneTimeCheck();
    }

    /// <summary>The cloud's Pause and Resume messages.</summary>
    private void OnCloudPauseOrResume(ServerMessage message)
    {
        if (message.BodyCase == ServerMessage.BodyOneofCase.Pause)
        {
            var until = message.Pause.Until?.ToDateTimeOffset();
            if (until is { } u && u <= _deps.Time.GetUtcNow())
            {
                return; // A pause that has already run out (sent again after a reconnect).
            }

            if (!IsPaused || _pausedUntil != until)
            {
                Pause(until, "cloud", null);
            }
        }
        else if (IsPaused)
        {
            Resume("cloud", null);
        }
    }

    private void Pause(DateTimeOffset? until, string by, Actors.Core.IActorRef? replyTo)
    {
        Persist(new Paused(until, by, _deps.Time.GetUtcNow()), e =>
        {
            ApplyModeEvent(e);
            Log.Information("Company {Company} paused by the {By} until {Until}", _profile.CompanyId, e.By, e.Until?.ToString("O") ?? "resumed");
            StopAsking();
            ArmPauseTimer();
            PublishStatus();
            replyTo?.Tell(CurrentPauseState(), Self);
        });
    }

    private void Resume(string by, Actors.Core.IActorRef? replyTo)
    {
        if (!_paused)
        {
            replyTo?.Tell(CurrentPauseState(), Self);
            return;
        }

        Persist(new Resumed(by, _deps.Time.GetUtcNow()), e =>
        {
            ApplyModeEvent(e);
            Log.Information("Company {Company} resumed by the {By}", _profile.CompanyId, e.By);
            Timers.Cancel(PauseTimer);
            PublishStatus();
            replyTo?.Tell(CurrentPauseState(), Self);
            Self.Tell(ScheduleTick.Instance, Self);
            Advance();
            AdvancePushes();
        });
    }

    private PauseState CurrentPauseState() => new(_profile.CompanyId, _profile.CompanyName, IsPaused, IsPaused ? _pausedUntil : null);

    /// <summary>
    /// Withdraws the request waiting at QuickBooks, so the person gets QuickBooks back at once. The
    /// window it belonged to is fetched again after the pause (its records are recognised and not sent twice).
    /// </summary>
    private void StopAsking()
    {
        if (_pushStep is not null)
        {
            // Withdrawing would drop the push's request too; the window in progress ends first instead.
            return;
        }

        Timers.Cancel(RetryTimer);
        _deps.Gateway.Tell(new CancelRequests(_profile.CompanyFile), Self);
        if (_fetch is { CorrelationId: not FinishingCorrelation })
        {
            _fetch = null;
        }
    }

    private void ArmPauseTimer()
    {
        Timers.Cancel(PauseTimer);
        if (_paused && _pausedUntil is { } until && until > _deps.Time.GetUtcNow())
        {
            Timers.StartSingleTimer(PauseTimer, PauseEnded.Instance, until - _deps.Time.GetUtcNow());
        }
    }

    /// <summary>Whether scheduled syncs may start now: not paused, and inside the sync hours.</summary>
    private bool InsideSyncHours() =>
        Hours().Contains(TimeOnly.FromTimeSpan(_deps.Time.GetLocalNow().TimeOfDay));

    private SyncHours Hours() => _settings.SyncHours is { } text ? SyncHours.Parse(text) : SyncHours.AllDay;

    /// <summary>When the next scheduled sync will start: when a data type is due, after the pause, inside the sync hours.</summary>
    private DateTimeOffset? NextSyncAt()
    {
        if (_settings.Mode != SyncMode.Ongoing || (IsPaused && _pausedUntil is null))
        {
            return null;
        }

        var synced = _state.LastCompleted;
        if (SyncSchedule.NextDue(_settings.DataTypes.Where(d => synced.ContainsKey(d.DataType)), synced) is not { } due)
        {
            return null;
        }

        var now = _deps.Time.GetUtcNow();
        var at = due < now ? now : due;
        if (IsPaused && _pausedUntil is { } until && until > at)
        {
            at = until;
        }

        var local = TimeZoneInfo.ConvertTime(at, _deps.Time.LocalTimeZone);
        return Hours().NextOpening(local).ToUniversalTime();
    }

    /// <summary>The status as the work sees it, with what pausing, scheduling and removal add.</summary>
    private CompanyStatus WithModes(CompanyStatus status)
    {
        _deps.Status.SetOneTime(_profile.CompanyId, _settings.Mode == SyncMode.OneTime);
        var paused = IsPaused;
        return status with
        {
            State = paused ? "Paused" : status.State,
            PausedUntil = paused ? _pausedUntil : null,
            NextSyncAt = NextSyncAt(),
        };
    }

    private static bool IsCloudWork(string workId) =>
        !workId.StartsWith("scheduled-", StringComparison.Ordinal) && !workId.StartsWith("manual-", StringComparison.Ordinal);

    private sealed record PauseEnded
    {
        public static PauseEnded Instance { get; } = new();
    }
}
