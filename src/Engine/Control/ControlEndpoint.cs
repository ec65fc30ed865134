using System.Security.Cryptography;
using System.Text;
using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Control;

/// <summary>
/// Where the engine's control API listens: a Unix domain socket in the data folder (owner-only
/// file mode) or, on Windows, a named pipe whose name derives from the data folder. Neither is
/// reachable from the network nor by other users.
/// </summary>
public static class ControlEndpoint
{
    public static string SocketPath(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Path.Combine(data.Root, "control.sock");
    }

    public static string PipeName(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(data.Root.ToUpperInvariant())))[..16];
        return $"qbconnector-control-{hash}";
    }
}
