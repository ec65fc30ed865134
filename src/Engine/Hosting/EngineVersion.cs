using System.Reflection;

namespace QbConnector.Engine.Hosting;

/// <summary>The connector's version, as the cloud and the person see it.</summary>
public static class EngineVersion
{
    public static string Current { get; } =
        typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
