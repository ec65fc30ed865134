using System.Globalization;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.Hosting.Support;

/// <summary>The real cloud emulator and engine processes in a temp folder, with the engine's control API and sandbox company files.</summary>
internal sealed class RealEngineRig : IAsyncDisposable
{
    private readonly string _dir;

    private RealEngineRig(string dir, EmulatorProcess cloud, EngineProcess engine)
    {
        _dir = dir;
        Cloud = cloud;
        Engine = engine;
        Control = new ControlClient(new DataDirectory(engine.DataDirectory));
    }

    public EmulatorProcess Cloud { get; }

    public EngineProcess Engine { get; }

    public ControlClient Control { get; }

    public string Directory => _dir;

    public static async Task<RealEngineRig> StartAsync(string name, string sandboxLatency = "none")
    {
        var dir = System.IO.Directory.CreateTempSubdirectory(name + "-").FullName;
        var cloud = await EmulatorProcess.StartAsync(Path.Combine(dir, "cloud"));
        var engine = await EngineProcess.StartAsync(new EngineProcessOptions { DataDirectory = Path.Combine(dir, "engine"), CloudUrl = cloud.GrpcUrl, SandboxLatency = sandboxLatency });
        return new RealEngineRig(dir, cloud, engine);
    }

    public async Task<string> CreateCompanyFileAsync(string name, string country = "US", int scale = 150)
    {
        var path = Path.Combine(_dir, name.Replace(' ', '-') + ".QBW");
        var result = await EngineProcess.RunCliAsync(["sandbox", "create", "--file", path, "--scale", scale.ToString(CultureInfo.InvariantCulture), "--country", country, "--company-name", name]);
        result.ExitCode.Should().Be(0, result.Output);
        return path;
    }

    public async Task<CompanyStatus?> StatusOfAsync(string companyId) =>
        (await Control.GetStatusAsync(default)).Companies.FirstOrDefault(c => c.CompanyId == companyId);

    public async Task<CompanyStatus> WaitForStatusAsync(string companyId, Func<CompanyStatus, bool> condition, TimeSpan? timeout = null)
    {
        CompanyStatus? found = null;
        await Eventually.TrueAsync(
            async () =>
            {
                found = await StatusOfAsync(companyId);
                return found is not null && condition(found);
            },
            timeout ?? TimeSpan.FromSeconds(30),
            $"company {companyId} to reach the expected state (last: {found})");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await Engine.DisposeAsync();
        await Cloud.DisposeAsync();
        System.IO.Directory.Delete(_dir, recursive: true);
    }
}
