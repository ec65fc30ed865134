using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Hosting;

/// <summary>The emulator's shared parts, one instance each, registered in both hosts.</summary>
internal sealed class EmulatorServices
{
    public EmulatorServices(EmulatorDatabase database, EmulatorOptions options, TimeProvider time, Serilog.ILogger log)
    {
        Options = options;
        Time = time;
        Log = log;
        Companies = new CompanyStore(database, time);
        Installs = new InstallStore(database, time);
        Settings = new SettingsStore(database);
        Datasets = new DatasetStore(database, time);
        Pushes = new PushStore(database, time);
        Records = new RecordStore(database, time);
        Receipts = new ReceiptStore(database, time);
        Updates = new UpdateStore(database, time);
        Sessions = new ConnectorSessions(Companies, Datasets, Pushes, Settings, Updates, time);
        Linking = new LinkService(Companies, Installs, Settings, Datasets);
        LinkHandler = new LinkHandler(Linking, Sessions, log);
        var messages = new ClientMessageHandler(Companies, Installs, Datasets, Pushes, Records, Receipts, Sessions, time, log);
        ConnectHandler = new ConnectHandler(Installs, Sessions, messages, log);
        UnlinkHandler = new UnlinkHandler(Installs, Companies, log);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public Serilog.ILogger Log { get; }

    public CompanyStore Companies { get; }

    public InstallStore Installs { get; }

    public SettingsStore Settings { get; }

    public DatasetStore Datasets { get; }

    public PushStore Pushes { get; }

    public RecordStore Records { get; }

    public ReceiptStore Receipts { get; }

    public UpdateStore Updates { get; }

    public ConnectorSessions Sessions { get; }

    public LinkService Linking { get; }

    public LinkHandler LinkHandler { get; }

    public ConnectHandler ConnectHandler { get; }

    public UnlinkHandler UnlinkHandler { get; }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton(Options);
        services.AddSingleton(Time);
        services.AddSingleton(Companies);
        services.AddSingleton(Installs);
        services.AddSingleton(Settings);
        services.AddSingleton(Datasets);
        services.AddSingleton(Pushes);
        services.AddSingleton(Records);
        services.AddSingleton(Receipts);
        services.AddSingleton(Updates);
        services.AddSingleton(Sessions);
        services.AddSingleton<IConnectorNotifier>(Sessions);
        services.AddSingleton(Linking);
        services.AddSingleton(LinkHandler);
        services.AddSingleton(ConnectHandler);
        services.AddSingleton(UnlinkHandler);
    }
}
