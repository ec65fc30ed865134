using QbConnector.Engine.Control;
using QbConnector.Engine.Hosting;
using QbConnector.TrayUi.Dashboard;

namespace QbConnector.TrayUi.Tests.Support;

/// <summary>A real dashboard over a real control API on a temp data folder, with the scripted engine behind it.</summary>
internal sealed class DashboardHarness : IAsyncDisposable
{
    private ControlServer? _control;

    private DashboardHarness(DataDirectory data, ScriptedEngine engine)
    {
        Data = data;
        Engine = engine;
    }

    public DataDirectory Data { get; }

    public ScriptedEngine Engine { get; }

    public DashboardServer Dashboard { get; private set; } = null!;

    public static async Task<DashboardHarness> StartAsync(bool engineRunning = true)
    {
        var harness = new DashboardHarness(new DataDirectory(Directory.CreateTempSubdirectory("dash-").FullName), new ScriptedEngine());
        if (engineRunning)
        {
            await harness.StartEngineAsync();
        }

        harness.Dashboard = await DashboardServer.StartAsync(harness.Data, TimeProvider.System, Serilog.Core.Logger.None);
        return harness;
    }

    public async Task StartEngineAsync() => _control = await ControlServer.StartAsync(Data, Engine);

    public async Task StopEngineAsync()
    {
        if (_control is not null)
        {
            await _control.DisposeAsync();
            _control = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await StopEngineAsync();
        Directory.Delete(Data.Root, recursive: true);
    }
}
