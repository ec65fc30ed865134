namespace QbConnector.Engine.Updates;

public enum UpdateState
{
    /// <summary>Nothing under way.</summary>
    Idle,

    /// <summary>The package is being fetched into the staging folder.</summary>
    Downloading,

    /// <summary>Checking the package's SHA-256 and signature.</summary>
    Verifying,

    /// <summary>Unpacking into versions/&lt;version&gt;/.</summary>
    Installing,

    /// <summary>Installed side by side; waits for a quiet moment to restart into it.</summary>
    ReadyToRestart,

    /// <summary>The pointer names the new version; the engine is to exit for the launcher to start it.</summary>
    Restarting,

    /// <summary>The last attempt failed (network, disk); a later announcement may try again.</summary>
    Failed,

    /// <summary>The last announcement was refused and will not be tried.</summary>
    Refused,
}
