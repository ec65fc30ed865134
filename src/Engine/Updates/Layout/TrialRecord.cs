namespace QbConnector.Engine.Updates.Layout;

/// <summary>
/// A switch not yet proven: <see cref="Candidate"/> is current until it reports healthy, and
/// <see cref="Previous"/> is what the pointer goes back to if it does not.
/// </summary>
public sealed record TrialRecord(string Candidate, string Previous)
{
    public string Serialize() => $"{Candidate}\n{Previous}\n";

    public static TrialRecord? Parse(string? content)
    {
        if (content is null)
        {
            return null;
        }

        var lines = content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 2 && InstallLayout.IsSafeVersionName(lines[0]) && InstallLayout.IsSafeVersionName(lines[1])
            ? new TrialRecord(lines[0], lines[1])
            : null;
    }
}
