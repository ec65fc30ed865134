using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Tests.Control;

public sealed class ControlServerTests : IAsyncLifetime
{
    private readonly DataDirectory _data = new(Directory.CreateTempSubdirectory("ctl-").FullName);
    private readonly RecordingControl _engine = new();
    private ControlServer? _server;

    public async Task InitializeAsync() => _server = await ControlServer.StartAsync(_data, _engine);

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        Directory.Delete(_data.Root, recursive: true);
    }

    [Fact]
    public async Task Status_and_commands_reach_the_engine_over_the_local_socket()
    {
        using var client = new ControlClient(_data);

        var status = await client.GetStatusAsync();
        var linked = await client.LinkAsync(new LinkCompanyRequest("key-1", "/books/a.qbw", "US"));
        await client.SyncAsync(new SyncRequest("c1", ["customers"]));
        await client.PauseAsync(new PauseRequest(null, TimeSpan.FromHours(24)));
        await client.ResumeAsync("c1");
        await client.UnlinkAsync("c 1/x");

        status.Companies.Should().ContainSingle().Which.CompanyName.Should().Be("Rock Castle");
        linked.CompanyId.Should().Be("c1");
        _engine.Calls.Should().Equal(
            "status",
            "link key-1 /books/a.qbw US",
            "sync c1 customers",
            "pause  1.00:00:00",
            "resume c1",
            "unlink c 1/x");
    }

    [Fact]
    public void The_socket_is_reachable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // A named pipe there; its default ACL admits the creating user only.
        }

        File.GetUnixFileMode(ControlEndpoint.SocketPath(_data)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task A_refused_command_comes_back_as_a_clear_error()
    {
        using var client = new ControlClient(_data);

        var unlink = () => client.UnlinkAsync("unknown");

        (await unlink.Should().ThrowAsync<ControlException>()).Which.Message.Should().Be("No company 'unknown' is linked.");
    }

    [Fact]
    public async Task A_malformed_body_gets_a_400_problem()
    {
        using var http = RawClient();

        using var response = await http.PostAsync("sync", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().Be(400);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not valid JSON");
        _engine.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_reaches_the_engine()
    {
        using var http = RawClient();

        using var response = await http.PostAsync("companies", new StringContent(new string('x', 200_000), System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().Be(413);
        _engine.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task The_cli_says_plainly_when_no_engine_is_running()
    {
        var other = new DataDirectory(Path.Combine(_data.Root, "elsewhere"));
        using var client = new ControlClient(other);

        var status = () => client.GetStatusAsync();

        (await status.Should().ThrowAsync<EngineNotRunningException>()).Which.Message.Should().Contain("not running");
    }

    private HttpClient RawClient()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(ControlEndpoint.SocketPath(_data)), ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://engine/") };
    }

    private sealed class RecordingControl : IEngineControl
    {
        public List<string> Calls { get; } = [];

        public Task<EngineStatus> GetStatusAsync(CancellationToken cancellationToken)
        {
            Calls.Add("status");
            return Task.FromResult(new EngineStatus("0.1.0", true, [new CompanyStatus("c1", "Rock Castle", "/books/a.qbw", "Linked", null, new Dictionary<string, DateTimeOffset>(), null, null, null)]));
        }

        public Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken cancellationToken) =>
            Done($"link {request.LicenceKey} {request.CompanyFile} {request.Region}", "c1");

        public Task<CommandResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken) =>
            Done($"sync {request.CompanyId} {string.Join(',', request.DataTypes ?? [])}");

        public Task<CommandResult> PauseAsync(PauseRequest request, CancellationToken cancellationToken) =>
            Done($"pause {request.CompanyId} {request.For}");

        public Task<CommandResult> ResumeAsync(string? companyId, CancellationToken cancellationToken) => Done($"resume {companyId}");

        public Task<CommandResult> UnlinkAsync(string companyId, CancellationToken cancellationToken) =>
            companyId == "unknown" ? throw new ControlException(404, "No company 'unknown' is linked.") : Done($"unlink {companyId}");

        private Task<CommandResult> Done(string call, string? company = null)
        {
            Calls.Add(call);
            return Task.FromResult(new CommandResult("done", company));
        }
    }
}
