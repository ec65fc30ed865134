using QbConnector.Engine.Cli;

namespace QbConnector.Engine;

internal static class Program
{
    public static int Main(string[] args) => CliRoot.Run(args);
}
