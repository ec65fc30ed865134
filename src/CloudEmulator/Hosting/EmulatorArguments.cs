using System.Globalization;

namespace QbConnector.CloudEmulator.Hosting;

/// <summary>The command line: --grpc-port N --http-port M --data DIR.</summary>
internal static class EmulatorArguments
{
    public const string Usage = "Usage: QbConnector.CloudEmulator --data DIR [--grpc-port N] [--http-port M]  (ports 0 to 65535; 0 picks a free port)";

    public static (EmulatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int grpcPort = 0, httpPort = 0;
        string? data = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return (null, Usage);
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"Missing value after '{name}'. {Usage}");
            }

            var value = args[++i];
            switch (name)
            {
                case "--grpc-port":
                    if (!TryPort(value, out grpcPort))
                    {
                        return (null, $"--grpc-port must be a number from 0 to 65535, not '{value}'.");
                    }

                    break;
                case "--http-port":
                    if (!TryPort(value, out httpPort))
                    {
                        return (null, $"--http-port must be a number from 0 to 65535, not '{value}'.");
                    }

                    break;
                case "--data":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return (null, "--data must name a folder.");
                    }

                    data = value;
                    break;
                default:
                    return (null, $"Unknown argument '{name}'. {Usage}");
            }
        }

        if (data is null)
        {
            return (null, $"--data is required. {Usage}");
        }

        if (grpcPort != 0 && grpcPort == httpPort)
        {
            return (null, "--grpc-port and --http-port must differ.");
        }

        return (new EmulatorOptions(grpcPort, httpPort, Path.GetFullPath(data)), null);
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;
}
