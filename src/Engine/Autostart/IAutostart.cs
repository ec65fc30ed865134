namespace QbConnector.Engine.Autostart;

/// <summary>Registers the engine to start at log-on (and be restarted if it dies), and removes that registration.</summary>
public interface IAutostart
{
    /// <summary>Registers (or re-registers) the command; says how, in words for the person.</summary>
    AutostartResult Install(LaunchCommand command);

    /// <summary>Removes every registration this connector may have made; harmless when there is none.</summary>
    AutostartResult Uninstall();
}

/// <summary>What a registration did: how the engine will start, and the files or entries it touched.</summary>
public sealed record AutostartResult(string Message, IReadOnlyList<string> Touched);
