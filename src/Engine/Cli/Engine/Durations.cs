using System.Globalization;
using System.Text.RegularExpressions;

namespace QbConnector.Engine.Cli.Engine;

/// <summary>Durations as people type them: 24h, 30m, 2d, 1h30m, 90s.</summary>
internal static partial class Durations
{
    public const string Help = "a duration such as 24h, 30m, 2d or 1h30m";

    /// <summary>The duration, or null with a message when the text is not one (or is zero or over 365 days).</summary>
    public static TimeSpan? TryParse(string? text, out string? error)
    {
        error = null;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success))
        {
            error = $"'{text}' is not {Help}.";
            return null;
        }

        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var value = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        if (value <= TimeSpan.Zero || value > Hosting.EngineControl.LongestPause)
        {
            error = $"'{text}' is out of range: a pause lasts more than zero and at most 365 days.";
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,3})d)?\s*(?:(?<h>\d{1,4})h)?\s*(?:(?<m>\d{1,6})m(?:in)?)?\s*(?:(?<s>\d{1,8})s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
