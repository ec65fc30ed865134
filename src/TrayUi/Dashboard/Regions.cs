namespace QbConnector.TrayUi.Dashboard;

/// <summary>The QuickBooks editions a company file can come from, as the engine names them.</summary>
internal static class Regions
{
    public static readonly IReadOnlyList<string> All = ["CA", "UK", "US"];

    public static bool IsKnown(string? region) => region is not null && All.Contains(region);
}
