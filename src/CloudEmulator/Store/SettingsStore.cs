using System.Text.Json;

namespace QbConnector.CloudEmulator.Store;

internal sealed class SettingsStore(EmulatorDatabase database)
{
    /// <summary>The platform's defaults: what was put, over the initial defaults.</summary>
    public SettingsDocument GetDefaults() =>
        SettingsDocument.Merge(
            SettingsDocument.InitialDefaults,
            database.InTransaction((c, t) => c.Query(t, "SELECT settings FROM platform_settings WHERE id = 1", r => r.RequiredText("settings")).SingleOrDefault()) is { } json
                ? Deserialize(json)
                : null);

    public void PutDefaults(SettingsDocument settings) =>
        database.InTransaction((c, t) => c.Execute(
            t,
            "INSERT INTO platform_settings (id, settings) VALUES (1, $json) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings",
            ("$json", JsonSerializer.Serialize(settings, JsonDefaults.Options))));

    public SettingsDocument? GetOverrides(string companyId) =>
        database.InTransaction((c, t) => c.Query(t, "SELECT settings FROM companies WHERE id = $id", r => r.Text("settings"), ("$id", companyId)).SingleOrDefault()) is { } json
            ? Deserialize(json)
            : null;

    public void PutOverrides(string companyId, SettingsDocument settings) =>
        database.InTransaction((c, t) => c.Execute(
            t,
            "UPDATE companies SET settings = $json WHERE id = $id",
            ("$id", companyId),
            ("$json", JsonSerializer.Serialize(settings, JsonDefaults.Options))));

    /// <summary>The defaults with the company's overrides: what the company's connector is told.</summary>
    public SettingsDocument Effective(string companyId) => SettingsDocument.Merge(GetDefaults(), GetOverrides(companyId));

    private static SettingsDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<SettingsDocument>(json, JsonDefaults.Options) ?? SettingsDocument.InitialDefaults;
}
