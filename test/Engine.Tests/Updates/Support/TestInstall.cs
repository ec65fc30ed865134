using System.Security.Cryptography;
using QbConnector.Engine.Updates;
using QbConnector.Engine.Updates.Install;
using QbConnector.Engine.Updates.Layout;
using Serilog;

namespace QbConnector.Engine.Tests.Updates.Support;

/// <summary>A temporary install root with version 1.0.0 installed and current, and a signing key made for the test.</summary>
internal sealed class TestInstall : IDisposable
{
    public const string InstalledVersion = "1.0.0";

    public TestInstall()
    {
        Root = Directory.CreateTempSubdirectory("qbconnector-install-").FullName;
        Layout = new InstallLayout(Root);
        Layout.EnsureExists();
        var package = Path.Combine(Root, "initial.tar.gz");
        File.WriteAllBytes(package, TestPackage.Build(InstalledVersion));
        new PackageInstaller(Layout, (path, mode) => new FileStream(path, mode, FileAccess.Write)).Install(package, InstalledVersion, CancellationToken.None);
        File.Delete(package);
        Layout.SetCurrent(InstalledVersion);
    }

    public string Root { get; }

    public InstallLayout Layout { get; }

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public LogCollector Logged { get; } = new();

    public ILogger Log => new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(Logged).CreateLogger();

    public UpdateOptions Options(long? bytesPerSecond = null) => new()
    {
        InstallRoot = Root,
        CurrentVersion = InstalledVersion,
        SigningPublicKey = TestPackage.PublicKeyOf(Key),
        MaxBytesPerSecond = bytesPerSecond,
    };

    public void Dispose()
    {
        Key.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
