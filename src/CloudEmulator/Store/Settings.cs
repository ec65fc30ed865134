namespace QbConnector.CloudEmulator.Store;

internal enum SyncFrequency
{
    None,
    Monthly,
    Weekly,
    Daily,
    Hourly,
}

internal enum SyncMode
{
    OneTime,
    Ongoing,
}

/// <summary>Hours of the connector machine's local day when scheduled syncs may run.</summary>
internal sealed record SyncHours(int Start, int End);

internal sealed record DataTypeSettings(bool FetchOnFirstLink, SyncFrequency SyncFrequency);

/// <summary>
/// A settings document: the platform's defaults, or one company's overrides. Absent members of
/// a company's document fall back to the defaults; data types merge one by one.
/// </summary>
internal sealed record SettingsDocument(SyncMode? Mode, SyncHours? SyncHours, IReadOnlyDictionary<string, DataTypeSettings>? DataTypes)
{
    /// <summary>What a new platform starts with: every data type, daily, fetched at first link.</summary>
    public static SettingsDocument InitialDefaults { get; } = new(
        SyncMode.Ongoing,
        null,
        Store.DataTypes.All.ToDictionary(t => t, _ => new DataTypeSettings(true, SyncFrequency.Daily), StringComparer.Ordinal));

    public static SettingsDocument Merge(SettingsDocument defaults, SettingsDocument? overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var dataTypes = new Dictionary<string, DataTypeSettings>(defaults.DataTypes ?? new Dictionary<string, DataTypeSettings>(), StringComparer.Ordinal);
        foreach (var (name, setting) in overrides?.DataTypes ?? new Dictionary<string, DataTypeSettings>())
        {
            dataTypes[name] = setting;
        }

        return new SettingsDocument(
            overrides?.Mode ?? defaults.Mode ?? SyncMode.Ongoing,
            overrides?.SyncHours ?? defaults.SyncHours,
            dataTypes.OrderBy(p => DataTypesOrder(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>Why the document is not acceptable, or null when it is.</summary>
    public string? Validate()
    {
        if (SyncHours is { } hours && (hours.Start is < 0 or > 23 || hours.End is < 0 or > 24))
        {
            return "syncHours.start must be 0 to 23 and syncHours.end 0 to 24 (hours of the connector machine's local day).";
        }

        var unknown = DataTypes?.Keys.FirstOrDefault(t => !Store.DataTypes.IsKnown(t));
        if (unknown is not null)
        {
            return $"Unknown data type '{unknown}'. Known data types: {string.Join(", ", Store.DataTypes.All)}.";
        }

        return DataTypes?.Values.Any(v => v is null) == true ? "Every data type needs its settings object." : null;
    }

    private static int DataTypesOrder(string name)
    {
        var index = Store.DataTypes.All.ToList().IndexOf(name);
        return index < 0 ? int.MaxValue : index;
    }
}
