using QbConnector.TrayUi.Status;

namespace QbConnector.TrayUi.Tray;

/// <summary>One entry of the tray menu; a null command is a separator.</summary>
internal sealed record TrayMenuItem(TrayCommand? Command, string Label, bool Enabled = true, bool IsDefault = false)
{
    public static readonly TrayMenuItem Separator = new(null, "", Enabled: false);
}

/// <summary>Everything the tray shows: which icon, the tooltip, and the menu.</summary>
internal sealed record TrayView(OverallKind Icon, string Tooltip, IReadOnlyList<TrayMenuItem> Menu);
