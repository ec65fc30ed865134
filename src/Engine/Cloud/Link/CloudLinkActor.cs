using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Supervision;
using QbConnector.Engine.Actors.Timers;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Diagnostics;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Security;
using QbConnector.Grpc.Core;

namespace QbConnector.Engine.Cloud.Link;

/// <summary>
/// The one work stream of this install to the cloud. The connector dials out; work comes back
/// down the stream and goes to the companies; durable messages (pages, results) go up from the
/// outbox and are forgotten only when the cloud acknowledges them, with a bounded number in
/// flight. A broken stream is reopened with exponential backoff and jitter, and everything not
/// yet acknowledged is sent again (the cloud stores each sequence number once).
/// </summary>
public sealed class CloudLinkActor : ReceiveActor, IWithTimers
{
    public const string CredentialKey = "install";
    private const string ReconnectTimer = "reconnect";
    private const string HeartbeatTimer = "heartbeat";
    private const string AwaitingLinkTimer = "awaiting-link";
    private const int MaxAwaitingLink = 10_000;
    private static readonly TimeSpan AwaitingLinkLimit = TimeSpan.FromSeconds(60);

    private readonly ConnectorServiceClient _client;
    private readonly CloudOptions _options;
    private readonly ICredentialStore _credentials;
    private readonly SqliteOutbox _outbox;
    private readonly IActorRef _companies;
    private readonly ICompanyDirectory _directory;
    private readonly TimeProvider _time;
    private readonly string _version;
    private readonly Dictionary<string, long> _lastSent = new(StringComparer.Ordinal);
    private readonly HashSet<(string Company, long Sequence)> _inFlight = [];
    private readonly List<CloudCommand> _awaitingLink = [];
    private AsyncDuplexStreamingCall<ClientMessage, ServerMessage>? _call;
    private CancellationTokenSource? _callCancel;
    private long _generation;
    private int _attempt;
    private ulong _nonce;
    private DateTimeOffset _lastHeard;
    private DateTimeOffset? _connectedSince;
    private string? _lastError;

    public CloudLinkActor(
        ConnectorServiceClient client,
        CloudOptions options,
        ICredentialStore credentials,
        SqliteOutbox outbox,
        IActorRef companies,
        ICompanyDirectory directory,
        TimeProvider time,
        string version)
    {
        _client = client;
        _options = options;
        _credentials = credentials;
        _outbox = outbox;
        _companies = companies;
        _directory = directory;
        _time = time;
        _version = version;

        ReceiveAsync<Connect>(_ => ConnectAsync());
        Receive<CredentialChanged>(_ =>
        {
            // Sent after every link, once the company is recorded here: what the cloud sent it meanwhile can go.
            ReleaseAwaitingLink();
            if (_call is null)
            {
                Timers.Cancel(ReconnectTimer);
                Self.Tell(Connect.Instance, Self);
            }
        });
        Receive<CredentialRemoved>(_ =>
        {
            // The last company is gone: nothing left to sync, and no credential to reconnect with.
            Timers.Cancel(ReconnectTimer);
            Timers.Cancel(HeartbeatTimer);
            CloseCall();
        });
        ReceiveAsync<Inbound>(m => m.Generation == _generation ? OnInboundAsync(m.Message) : Task.CompletedTask);
        Receive<StreamEnded>(m =>
        {
            if (m.Generation == _generation)
            {
                Disconnected(m.Reason);
            }
        });
        ReceiveAsync<OutboxChanged>(m => PumpAsync(m.CompanyId));
        ReceiveAsync<SendBestEffort>(m => WriteAsync(m.Message));
        ReceiveAsync<Heartbeat>(_ => HeartbeatAsync());
        Receive<AwaitingLinkExpired>(_ => ReleaseAwaitingLink());
        Receive<GetCloudLinkState>(_ => Sender.Tell(new CloudLinkState(_call is not null && _connectedSince is not null, _inFlight.Count, _connectedSince, _lastError), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Self.Tell(Connect.Instance, Self);

    protected override void PostStop() => CloseCall();

    private async Task ConnectAsync()
    {
        if (_call is not null)
        {
            return;
        }

        var credential = _credentials.TryLoad(CredentialKey);
        if (credential is null)
        {
            // Nothing linked yet: the first link sends CredentialChanged.
            return;
        }

        _generation++;
        var generation = _generation;
        _callCancel = new CancellationTokenSource();
        var headers = new Metadata { { "authorization", "Bearer " + credential.Reveal() } };
        try
        {
            _call = _client.Connect(headers, cancellationToken: _callCancel.Token);
            await _call.RequestStream.WriteAsync(new ClientMessage
            {
                Hello = new Hello { ConnectorVersion = _version, Companies = { _directory.CompanyStates() } },
            });
        }
        catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            Disconnected(ex.Message);
            return;
        }

        var call = _call;
        var self = Self;
        _ = Task.Run(async () =>
        {
            string reason = "the cloud ended the stream";
            try
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    self.Tell(new Inbound(call.ResponseStream.Current, generation), self);
                }
            }
            catch (RpcException ex)
            {
                reason = $"{ex.StatusCode}: {ex.Status.Detail}";
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                reason = ex.Message;
            }

            self.Tell(new StreamEnded(generation, reason), self);
        });
        _lastHeard = _time.GetUtcNow();
        Timers.StartPeriodicTimer(HeartbeatTimer, Heartbeat.Instance, _options.HeartbeatInterval);
    }

    private async Task OnInboundAsync(ServerMessage message)
    {
        _lastHeard = _time.GetUtcNow();
        if (_connectedSince is null)
        {
            // The first answer proves the stream is up: reset the backoff and send what waits.
            _connectedSince = _lastHeard;
            _attempt = 0;
            _lastError = null;
            Log.Information("Connected to the cloud");
            Context.System.EventStream.Publish(new CloudLinkConnected(_lastHeard));
            foreach (var company in await _outbox.PendingCompaniesAsync())
            {
                await PumpAsync(company);
            }
        }

        switch (message.BodyCase)
        {
            case ServerMessage.BodyOneofCase.Ack:
                var key = (message.Ack.CompanyId, (long)message.Ack.Sequence);
                await _outbox.AcknowledgeAsync(key.CompanyId, key.Item2);
                _inFlight.Remove(key);
                await PumpAsync(key.CompanyId);
                break;
            case ServerMessage.BodyOneofCase.HeartbeatReply:
                break;
            case ServerMessage.BodyOneofCase.Settings:
                Route(message.Settings.CompanyId, message);
                break;
            case ServerMessage.BodyOneofCase.Work:
                Route(message.Work.CompanyId, message);
                break;
            case ServerMessage.BodyOneofCase.Pause:
                Route(message.Pause.CompanyId, message);
                break;
            case ServerMessage.BodyOneofCase.Resume:
                Route(message.Resume.CompanyId, message);
                break;
            case ServerMessage.BodyOneofCase.Deauthorise:
                Route(message.Deauthorise.CompanyId, message);
                break;
            case ServerMessage.BodyOneofCase.UpdateAvailable:
                // For the updater, not the companies (see Updates.Wiring.UpdateCoordinator).
                Context.System.EventStream.Publish(message.UpdateAvailable);
                break;
            default:
                _companies.Tell(new CloudCommand("", message), Self);
                break;
        }
    }

    /// <summary>
    /// The cloud offers a company its settings and first work as soon as it is linked there, which can be
    /// before the link is recorded here; those wait (in order, and everything after them for the same
    /// company) until the link completes, or a minute at most.
    /// </summary>
    private void Route(string companyId, ServerMessage message)
    {
        var command = new CloudCommand(companyId, message);
        var waiting = _awaitingLink.Count > 0 && _awaitingLink.Exists(c => c.CompanyId == companyId);
        if ((waiting || !_directory.CompanyStates().Any(c => c.CompanyId == companyId)) && _awaitingLink.Count < MaxAwaitingLink)
        {
            if (_awaitingLink.Count == 0)
            {
                Timers.StartSingleTimer(AwaitingLinkTimer, AwaitingLinkExpired.Instance, AwaitingLinkLimit);
            }

            _awaitingLink.Add(command);
            return;
        }

        _companies.Tell(command, Self);
    }

    private void ReleaseAwaitingLink()
    {
        Timers.Cancel(AwaitingLinkTimer);
        foreach (var command in _awaitingLink)
        {
            _companies.Tell(command, Self);
        }

        _awaitingLink.Clear();
    }

    private async Task PumpAsync(string companyId)
    {
        if (_call is null || _connectedSince is null)
        {
            return;
        }

        var room = _options.MaxUnacknowledged - _inFlight.Count;
        if (room <= 0)
        {
            return;
        }

        var after = _lastSent.GetValueOrDefault(companyId);
        foreach (var page in await _outbox.ReadPendingAsync(companyId, after, room))
        {
            var message = DataPageBuilder.WithSequence(ClientMessage.Parser.ParseFrom(page.Payload.Span), (ulong)page.Sequence);
            if (!await WriteAsync(message))
            {
                return;
            }

            _lastSent[companyId] = page.Sequence;
            _inFlight.Add((companyId, page.Sequence));
            PausePoints.Reach("upload.sent");
        }
    }

    private async Task<bool> WriteAsync(ClientMessage message)
    {
        if (_call is null)
        {
            return false;
        }

        try
        {
            await _call.RequestStream.WriteAsync(message);
            return true;
        }
        catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            Disconnected(ex.Message);
            return false;
        }
    }

    private async Task HeartbeatAsync()
    {
        if (_call is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (now - _lastHeard > 3 * _options.HeartbeatInterval)
        {
            Disconnected("no answer from the cloud for " + (now - _lastHeard));
            return;
        }

        await WriteAsync(new ClientMessage
        {
            Heartbeat = new CloudContract.V1.Heartbeat { Nonce = ++_nonce, SentAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now) },
        });
    }

    private void Disconnected(string reason)
    {
        CloseCall();
        _lastError = reason;
        var delay = Backoff(_attempt++);
        Log.Warning("The cloud link is down ({Reason}); reconnecting in {Delay}", reason, delay);
        Timers.Cancel(HeartbeatTimer);
        Timers.StartSingleTimer(ReconnectTimer, Connect.Instance, delay);
    }

    private void CloseCall()
    {
        _generation++;
        _callCancel?.Cancel();
        _callCancel?.Dispose();
        _callCancel = null;
        _call?.Dispose();
        _call = null;
        _connectedSince = null;
        _inFlight.Clear();
        _lastSent.Clear();
    }

    // Full jitter in the upper half (half the delay, stretched by up to 100 %), so installs that
    // lost the cloud together do not return in step.
    private TimeSpan Backoff(int attempt) =>
        BackoffDelay.Calculate(attempt, _options.ReconnectMinDelay / 2, _options.ReconnectMaxDelay / 2, 1.0, Random.Shared.NextDouble());

    private sealed record Connect
    {
        public static Connect Instance { get; } = new();
    }

    private sealed record AwaitingLinkExpired
    {
        public static AwaitingLinkExpired Instance { get; } = new();
    }

    private sealed record Heartbeat
    {
        public static Heartbeat Instance { get; } = new();
    }

    private sealed record Inbound(ServerMessage Message, long Generation);

    private sealed record StreamEnded(long Generation, string Reason);
}
