using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Security;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport.Processes;
using QbConnector.Grpc.Client;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Cloud.Link;

/// <summary>The cloud link against the real cloud emulator, a separate process on loopback.</summary>
public sealed class CloudLinkActorTests : ActorTestKit, IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("link-").FullName;
    private readonly CloudOptions _options = new() { MaxUnacknowledged = 4, HeartbeatInterval = TimeSpan.FromSeconds(30), ReconnectMinDelay = TimeSpan.FromSeconds(1), ReconnectMaxDelay = TimeSpan.FromSeconds(4) };
    private EmulatorProcess _cloud = null!;
    private GrpcChannel _channel = null!;
    private SqliteOutbox _outbox = null!;
    private FileCredentialStore _credentials = null!;
    private readonly KnownCompanies _known = new();
    private string _companyId = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _cloud = await EmulatorProcess.StartAsync(Path.Combine(_dir, "cloud"));
        _channel = GrpcChannel.ForAddress(_cloud.GrpcUrl);
        _outbox = SqliteOutbox.Open(Path.Combine(_dir, "outbox.db"));
        _credentials = new FileCredentialStore(Path.Combine(_dir, "credentials"));
        _companyId = await _cloud.CreateCompanyAsync("Rock Castle");
        var linked = await new ConnectorServiceClient(_channel.CreateCallInvoker()).LinkAsync(new LinkRequest
        {
            LicenceKey = _companyId,
            Region = Region.Us,
            CompanyFile = new CompanyFile { Name = "rock.qbw", Fingerprint = "fp" },
            ConnectorVersion = "0.1.0",
            Machine = new MachineFacts { Os = "Linux" },
        });
        _credentials.Save(CloudLinkActor.CredentialKey, new InstallCredential(linked.InstallCredential));
        _known.Ids.Add(_companyId);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _channel.Dispose();
        await _outbox.DisposeAsync();
        await _cloud.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Work_queued_in_the_cloud_reaches_the_companies()
    {
        var companies = CreateProbe();
        StartLink(companies.Ref);

        using var queued = await _cloud.Http.PostAsync($"companies/{_companyId}/data/queue/customers", null);
        queued.EnsureSuccessStatusCode();

        // The link's first-link datasets come down too; the one queued here is among them.
        var work = await ExpectCommandAsync(companies, ServerMessage.BodyOneofCase.Work, m => m.Work.Sync.DataTypes.Contains("customers"));
        work.CompanyId.Should().Be(_companyId);
    }

    [Fact]
    public async Task What_the_cloud_sends_a_company_before_its_link_is_recorded_here_waits_for_the_link()
    {
        _known.Ids.Clear();
        var probe = CreateProbe();
        var companies = System.ActorOf(Props.Create(() => new RecordingCompanies(_known, probe.Ref)), "companies");
        var link = StartLink(companies);

        // The hello brings the company's settings and first-link work down at once, before the link below is recorded.
        await Eventually.TrueAsync(async () => (await link.Ask<CloudLinkState>(GetCloudLinkState.Instance, Timeout)).Connected, because: "the cloud answers the hello");
        _known.Ids.Add(_companyId);
        link.Tell(CredentialChanged.Instance);

        var first = await probe.ExpectAsync<Delivered>(TimeSpan.FromSeconds(30));
        first.Command.Message.BodyCase.Should().Be(ServerMessage.BodyOneofCase.Settings, "held messages keep their order");
        first.CompanyKnown.Should().BeTrue("an unknown company's actor would drop it");
        var work = await probe.ExpectAsync<Delivered>(TimeSpan.FromSeconds(30));
        work.Command.Message.BodyCase.Should().Be(ServerMessage.BodyOneofCase.Work);
        work.CompanyKnown.Should().BeTrue();
    }

    [Fact]
    public async Task Pages_in_the_outbox_are_sent_acknowledged_and_forgotten()
    {
        var companies = CreateProbe();
        var link = StartLink(companies.Ref);
        await ExpectCommandAsync(companies, ServerMessage.BodyOneofCase.Settings);

        for (var page = 0; page < 10; page++)
        {
            await AppendPageAsync(page);
        }

        link.Tell(new OutboxChanged(_companyId));

        await Eventually.TrueAsync(async () => await _outbox.CountPendingAsync(_companyId) == 0, TimeSpan.FromSeconds(30), "every page acknowledged");
        var stats = await _cloud.GetJsonAsync($"companies/{_companyId}/data/customers/stats");
        stats.GetProperty("distinctRecords").GetInt64().Should().Be(10);
    }

    [Fact]
    public async Task After_the_cloud_comes_back_the_link_reconnects_and_sends_what_waited()
    {
        var companies = CreateProbe();
        var link = StartLink(companies.Ref);
        await ExpectCommandAsync(companies, ServerMessage.BodyOneofCase.Settings);
        var grpcPort = _cloud.GrpcPort;

        await _cloud.KillAsync();
        await Eventually.TrueAsync(async () => !(await link.Ask<CloudLinkState>(GetCloudLinkState.Instance, Timeout)).Connected, because: "the link notices the cloud is gone");
        await AppendPageAsync(1);
        link.Tell(new OutboxChanged(_companyId));
        await _cloud.DisposeAsync();
        _cloud = await EmulatorProcess.StartAsync(Path.Combine(_dir, "cloud"), grpcPort);

        // Reconnect attempts wait on the test clock: move it until the link is back.
        await Eventually.TrueAsync(
            async () =>
            {
                Clock.Advance(TimeSpan.FromSeconds(5));
                return (await link.Ask<CloudLinkState>(GetCloudLinkState.Instance, Timeout)).Connected;
            },
            TimeSpan.FromSeconds(60),
            "the link reconnects");
        await Eventually.TrueAsync(async () => await _outbox.CountPendingAsync(_companyId) == 0, TimeSpan.FromSeconds(30), "the waiting page is sent");
    }

    private IActorRef StartLink(IActorRef companies) =>
        System.ActorOf(
            Props.Create(() => new CloudLinkActor(
                new ConnectorServiceClient(_channel.CreateCallInvoker()),
                _options,
                _credentials,
                _outbox,
                companies,
                _known,
                Clock,
                "0.1.0")),
            "cloud-link");

    private async Task AppendPageAsync(int page)
    {
        var record = new CloudContract.V1.Record { Id = $"8000000{page}-1", EditSequence = "1", TimeModified = "2024-01-01T00:00:00-05:00", Json = Google.Protobuf.ByteString.CopyFromUtf8("{}") };
        var message = DataPageBuilder.Build(_companyId, "", "customers", [record]);
        await _outbox.AppendAsync(new NewOutboxPage(_companyId, "", "customers", 1, Google.Protobuf.MessageExtensions.ToByteArray(message)));
    }

    private static async Task<CloudCommand> ExpectCommandAsync(Probe probe, ServerMessage.BodyOneofCase kind, Func<ServerMessage, bool>? match = null)
    {
        while (true)
        {
            var command = await probe.ExpectAsync<CloudCommand>(TimeSpan.FromSeconds(30));
            if (command.Message.BodyCase == kind && (match is null || match(command.Message)))
            {
                return command;
            }
        }
    }

    private sealed record Delivered(CloudCommand Command, bool CompanyKnown);

    /// <summary>Stands for the companies actor: notes whether each command's company was recorded when it arrived.</summary>
    private sealed class RecordingCompanies : ReceiveActor
    {
        public RecordingCompanies(KnownCompanies known, IActorRef probe) =>
            Receive<CloudCommand>(command => probe.Tell(new Delivered(command, known.Ids.Contains(command.CompanyId)), Self));
    }

    private sealed class KnownCompanies : ICompanyDirectory
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Ids { get; } = [];

        public IReadOnlyList<CompanyState> CompanyStates() => Ids.Select(id => new CompanyState { CompanyId = id, LinkState = LinkState.Linked }).ToList();
    }
}
