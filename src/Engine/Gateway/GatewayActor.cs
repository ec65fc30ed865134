using System.Diagnostics;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Supervision;
using QbConnector.Engine.Actors.Timers;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.Engine.Gateway;

/// <summary>
/// The one owner of the QuickBooks SDK session: every request of every company goes through
/// here, one at a time, on the actor's own (STA) thread. The scheduler decides whose request is
/// next; this actor opens and ends sessions, sends requests, retries what QuickBooks asks to
/// retry, and hands everything else back to the sender.
/// </summary>
public sealed class GatewayActor : ReceiveActor, IWithTimers
{
    private const string WakeTimer = "wake";
    private readonly Func<IQbSession> _sessionFactory;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly GatewayScheduler<Pending> _scheduler;
    private IQbSession? _session;
    private bool _connected;
    private QbTicket? _ticket;
    private long _generation;
    private bool _runQueued;
    private int _retryAttempt;
    private DateTimeOffset _retryAfter = DateTimeOffset.MinValue;
    private long _requests;
    private long _fileOpens;
    private long _retries;
    private TimeSpan _busy;

    private readonly Action? _wentIdle;

    public GatewayActor(Func<IQbSession> sessionFactory, GatewayOptions options, TimeProvider time, Action? wentIdle = null)
    {
        _sessionFactory = sessionFactory;
        _wentIdle = wentIdle;
        _options = options;
        _time = time;
        _scheduler = new GatewayScheduler<Pending>(options.Scheduler, time);

        Receive<QbRequest>(request =>
        {
            _scheduler.Enqueue(request.CompanyFile, request.Priority, new Pending(request, Sender), request.ContinuesIterator);
            QueueRun();
        });
        Receive<CancelRequests>(cancel => _scheduler.RemoveAll(cancel.CompanyFile));
        Receive<NoFollowUp>(done =>
        {
            _scheduler.NoFollowUp(done.CompanyFile);
            QueueRun();
        });
        Receive<ServeNext>(_ =>
        {
            _runQueued = false;
            RunNext();
        });
        Receive<GetGatewayStats>(_ => Sender.Tell(new GatewayStats(_scheduler.CurrentFile, _scheduler.PendingCount, _requests, _fileOpens, _retries, _busy), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the gateway on a dedicated STA thread, as the COM request processor requires.</summary>
    /// <param name="wentIdle">Called when the session has been ended for want of work: nothing is syncing, a moment to give memory back.</param>
    public static Props Props(Func<IQbSession> sessionFactory, GatewayOptions options, TimeProvider time, Action? wentIdle = null) =>
        Actors.Core.Props.Create(() => new GatewayActor(sessionFactory, options, time, wentIdle)).WithPinnedDispatcher(ApartmentState.STA);

    protected override void PreStart() => _session = _sessionFactory();

    protected override void PostStop()
    {
        EndSession();
        if (_connected)
        {
            Quietly(() => _session?.CloseConnection());
        }

        _session?.Dispose();
    }

    private void QueueRun()
    {
        if (!_runQueued)
        {
            _runQueued = true;
            Self.Tell(ServeNext.Instance, Self);
        }
    }

    private void RunNext()
    {
        var now = _time.GetUtcNow();
        if (now < _retryAfter)
        {
            Timers.StartSingleTimer(WakeTimer, ServeNext.Instance, _retryAfter - now);
            return;
        }

        if (_scheduler.ShouldEndIdleSession())
        {
            Log.Information("Ending the QuickBooks session on {CompanyFile} after {IdleTimeout} without work", _scheduler.CurrentFile, _options.Scheduler.IdleTimeout);
            EndSession();
            CloseConnection();
            _scheduler.SessionEnded();
            _wentIdle?.Invoke();
        }

        var decision = _scheduler.TryTakeNext();
        if (decision is null)
        {
            if (_scheduler.NextWakeUp() is { } wake)
            {
                Timers.StartSingleTimer(WakeTimer, ServeNext.Instance, wake > now ? wake - now : TimeSpan.Zero);
            }

            return;
        }

        Serve(decision);

        // Back through the mailbox, so requests that arrived meanwhile are queued before the next decision.
        QueueRun();
    }

    private void Serve(GatewayDecision<Pending> decision)
    {
        var (request, replyTo) = decision.Work.Item;
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (decision.SwitchFile || _ticket is null)
            {
                OpenFile(request.CompanyFile);
                _scheduler.FileOpened();
            }

            var response = _session!.ProcessRequest(_ticket!.Value, request.RequestXml);
            var elapsed = Stopwatch.GetElapsedTime(started);
            _requests++;
            _busy += elapsed;
            _retryAttempt = 0;
            replyTo.Tell(new QbResponse(request.CorrelationId, response, _generation, elapsed), Self);
            _scheduler.Completed(request.CompanyFile, request.FollowUpExpected);
        }
        catch (QbSdkException error)
        {
            _busy += Stopwatch.GetElapsedTime(started);
            Fail(decision.Work, error);
        }
    }

    private void Fail(GatewayWork<Pending> work, QbSdkException error)
    {
        var (request, replyTo) = work.Item;
        if (error.HResult != unchecked((int)0x80040400))
        {
            // Anything but a malformed request may have broken the session: start afresh next time.
            EndSession();
            _scheduler.SessionEnded();
        }

        if (error.ErrorClass == QbErrorClass.RetryLater)
        {
            _retries++;
            var backoff = Backoff(_retryAttempt++);
            _retryAfter = _time.GetUtcNow() + backoff;
            Log.Warning("QuickBooks asked to try again later ({HResult}: {Reason}); retrying {CompanyFile} in {Backoff}", error.HResultHex, error.PlainMessage, request.CompanyFile, backoff);
            _scheduler.Enqueue(request.CompanyFile, request.Priority, work.Item, request.ContinuesIterator);
            return;
        }

        Log.Warning("QuickBooks refused a request on {CompanyFile} ({HResult}, {ErrorClass}): {Reason}", request.CompanyFile, error.HResultHex, error.ErrorClass, error.PlainMessage);
        replyTo.Tell(new QbFailure(request.CorrelationId, request.CompanyFile, error), Self);
    }

    // Up to 20 % jitter, so many engines restarted together do not retry in step.
    private TimeSpan Backoff(int attempt) =>
        BackoffDelay.Calculate(attempt, _options.RetryMinBackoff, _options.RetryMaxBackoff, 0.2, Random.Shared.NextDouble());

    private void OpenFile(string companyFile)
    {
        EndSession();
        if (!_connected)
        {
            _session!.AuthPreferences.UnattendedModeRequired = true;
            _session.OpenConnection(_options.AppId, _options.AppName);
            _connected = true;
        }

        _ticket = _session!.BeginSession(companyFile, _options.FileMode);
        _generation++;
        _fileOpens++;
        Log.Information("Began a QuickBooks session on {CompanyFile}", companyFile);
    }

    private void EndSession()
    {
        if (_ticket is { } ticket)
        {
            _ticket = null;
            Quietly(() => _session!.EndSession(ticket));
        }
    }

    private void CloseConnection()
    {
        if (_connected)
        {
            _connected = false;
            Quietly(() => _session!.CloseConnection());
        }
    }

    private void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (QbSdkException ex)
        {
            // Ending a session QuickBooks already dropped fails; the next request begins a new one anyway.
            Log.Debug(ex, "Ignored while closing the QuickBooks session");
        }
    }

    private sealed record Pending(QbRequest Request, IActorRef ReplyTo);

    private sealed record ServeNext
    {
        public static ServeNext Instance { get; } = new();
    }
}
