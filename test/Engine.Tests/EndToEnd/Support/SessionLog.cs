using System.Globalization;

namespace QbConnector.Engine.Tests.EndToEnd.Support;

/// <summary>Reads session.log of the engine's qbXML trace: one timestamped line per session event.</summary>
public static class SessionLog
{
    /// <summary>The company files sessions were begun on between two instants, in order.</summary>
    public static IReadOnlyList<string> BeginSessions(string traceDirectory, DateTimeOffset from, DateTimeOffset to) =>
        File.ReadAllLines(Path.Combine(traceDirectory, "session.log"))
            .Select(line => line.Split(' ', 3))
            .Where(parts => parts.Length == 3 && parts[1] == "BeginSession" && parts[2].StartsWith("file=", StringComparison.Ordinal))
            .Select(parts => (At: DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture), File: Path.GetFileName(parts[2]["file=".Length..].Split(" mode=")[0])))
            .Where(e => e.At >= from && e.At <= to)
            .Select(e => e.File)
            .ToList();
}
