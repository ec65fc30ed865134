using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd.Pushes;

/// <summary>
/// One linked company in the shared emulator: its sandbox company file, an engine data folder,
/// and the engines started on it one after the other (each killed or stopped before the next).
/// </summary>
internal sealed class PushWorld : IAsyncDisposable
{
    private readonly PushCloudFixture _cloud;
    private readonly List<EngineProcess> _engines = [];

    private PushWorld(PushCloudFixture cloud, string root, string companyFile)
    {
        _cloud = cloud;
        Root = root;
        CompanyFile = companyFile;
    }

    public string Root { get; }

    public string CompanyFile { get; }

    public string CompanyId { get; private set; } = "";

    private EmulatorProcess Emulator => _cloud.Emulator;

    /// <summary>A small company file linked to a new cloud company by an engine started with <paramref name="pauseAt"/>.</summary>
    public static async Task<(PushWorld World, EngineProcess Engine)> LinkAsync(PushCloudFixture cloud, int seed, string? pauseAt)
    {
        var root = Directory.CreateDirectory(Path.Combine(cloud.Root, "world-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var file = Path.Combine(root, "pushes.qbw");
        CompanyGenerator.Generate(file, new GenerationOptions { Seed = seed, Scale = 120, CompanyName = "Pushes " + seed });
        var world = new PushWorld(cloud, root, file);
        var engine = await world.StartEngineAsync(pauseAt);
        world.CompanyId = await cloud.Emulator.CreateCompanyAsync("Pushes " + seed);
        var linked = await engine.CliAsync("link", "--license-key", world.CompanyId, "--company-file", file, "--region", "US");
        linked.ExitCode.Should().Be(0, linked.Output);
        return (world, engine);
    }

    public async Task<EngineProcess> StartEngineAsync(string? pauseAt = null)
    {
        var engine = await EngineProcess.StartAsync(new EngineProcessOptions
        {
            DataDirectory = Path.Combine(Root, "engine"),
            CloudUrl = Emulator.GrpcUrl,
            PauseAt = pauseAt,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["QBCONNECTOR_Cloud__HeartbeatInterval"] = "00:00:01",
                ["QBCONNECTOR_Cloud__ReconnectMinDelay"] = "00:00:00.200",
                ["QBCONNECTOR_Cloud__ReconnectMaxDelay"] = "00:00:01",
            },
        });
        _engines.Add(engine);
        return engine;
    }

    /// <summary>Queues a push through the cloud's REST API; a Mod when <paramref name="recordId"/> is given. Returns its id.</summary>
    public async Task<string> QueuePushAsync(string dataType, object record, string? recordId = null, string? editSequence = null)
    {
        var path = $"companies/{CompanyId}/push/{dataType}" + (recordId is null ? "" : $"?recordId={Uri.EscapeDataString(recordId)}&editSequence={Uri.EscapeDataString(editSequence!)}");
        using var response = await Emulator.Http.PostAsJsonAsync(path, record);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public Task<JsonElement> PushAsync(string pushId) => Emulator.GetJsonAsync($"companies/{CompanyId}/push/{pushId}");

    /// <summary>Waits until the cloud has the push's result, and returns the push.</summary>
    public async Task<JsonElement> WaitForResultAsync(string pushId, TimeSpan timeout)
    {
        await Eventually.TrueAsync(async () => (await PushAsync(pushId)).GetProperty("status").GetString() != "pending", timeout, $"push {pushId} has its result in the cloud");
        return await PushAsync(pushId);
    }

    /// <summary>The file's customers whose FullName is exactly this, read as QuickBooks would answer.</summary>
    public List<QbRecord> CustomersNamed(string fullName) =>
        Query(new QbQueryRequest(QbCatalog.Customers) { Names = [fullName], ActiveStatus = null });

    public QbRecord Customer(string listId)
    {
        var found = Query(new QbQueryRequest(QbCatalog.Customers) { Ids = [listId], ActiveStatus = null });
        found.Should().ContainSingle($"customer {listId} exists");
        return found[0];
    }

    /// <summary>Active customers (QuickBooks looks records up by ListID among the active ones).</summary>
    public List<QbRecord> SomeCustomers(int count) => Query(new QbQueryRequest(QbCatalog.Customers) { MaxReturned = 1000, ActiveStatus = QbActiveStatus.ActiveOnly }).Take(count).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }
    }

    private List<QbRecord> Query(QbQueryRequest query)
    {
        using var session = new SandboxQbSession();
        session.OpenConnection("", "push-e2e-reader");
        var ticket = session.BeginSession(CompanyFile, QbFileMode.DoNotCare);
        try
        {
            var response = session.ProcessRequest(ticket, QbRequestWriter.Write(query));
            using var reader = QbResponseReader.Create(response);
            var header = reader.NextResponse();
            header.Should().NotBeNull();
            header!.IsError.Should().BeFalse(response);
            return reader.ReadRecords().ToList();
        }
        finally
        {
            session.EndSession(ticket);
            session.CloseConnection();
        }
    }
}
