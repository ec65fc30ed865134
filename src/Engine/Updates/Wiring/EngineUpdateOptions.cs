using QbConnector.Engine.Updates.Layout;
using QbConnector.Engine.Updates.Signing;

namespace QbConnector.Engine.Updates.Wiring;

/// <summary>How the running engine takes updates (configuration section <c>Updates</c>).</summary>
public sealed class EngineUpdateOptions
{
    /// <summary>
    /// The install root (versions/, current, trial). Unset: the launcher's <see cref="InstallLayout.InstallRootVariable"/>;
    /// when neither is set the engine is not running from an install and takes no updates.
    /// </summary>
    public string? InstallRoot { get; set; }

    /// <summary>Average download rate; null for no limit.</summary>
    public long? MaxBytesPerSecond { get; set; } = 512 * 1024;

    /// <summary>How often a staged update looks again for a quiet moment to restart in.</summary>
    public TimeSpan IdleCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The key packages must be signed with. Deliberately not public: configuration never binds it, so no
    /// settings file or environment variable can make the engine trust another key (tests set it in code).
    /// </summary>
    internal string SigningPublicKey { get; set; } = UpdateSigningKey.BuiltInPublicKey;

    /// <summary>The install root in effect, or null when updates are off.</summary>
    public string? ResolveInstallRoot()
    {
        var root = string.IsNullOrWhiteSpace(InstallRoot) ? Environment.GetEnvironmentVariable(InstallLayout.InstallRootVariable) : InstallRoot;
        return string.IsNullOrWhiteSpace(root) ? null : root;
    }
}
