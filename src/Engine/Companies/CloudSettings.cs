using System.Globalization;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Companies.Events;
using QbConnector.QbGateway.Errors;

namespace QbConnector.Engine.Companies;

/// <summary>Translations between the cloud contract and the company's own events and classes.</summary>
internal static class CloudSettings
{
    public static SettingsChanged ToEvent(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var types = settings.DataTypes
            .Select(d => new DataTypeSettings(d.DataType, d.FetchOnFirstLink, d.SyncFrequency switch
            {
                CloudContract.V1.SyncFrequency.Hourly => SyncFrequency.Hourly,
                CloudContract.V1.SyncFrequency.Daily => SyncFrequency.Daily,
                CloudContract.V1.SyncFrequency.Weekly => SyncFrequency.Weekly,
                CloudContract.V1.SyncFrequency.Monthly => SyncFrequency.Monthly,
                _ => SyncFrequency.None,
            }))
            .ToList();
        var mode = settings.Mode == CloudContract.V1.SyncMode.OneTime ? SyncMode.OneTime : SyncMode.Ongoing;
        var hours = settings.SyncHours is { } h && h.StartHour != h.EndHour
            ? string.Create(CultureInfo.InvariantCulture, $"{h.StartHour % 24:00}:00-{h.EndHour % 24:00}:00")
            : null;
        return new SettingsChanged(types, mode, hours);
    }

    public static bool Same(SettingsChanged a, SettingsChanged b) =>
        a.Mode == b.Mode && a.SyncHours == b.SyncHours && a.DataTypes.SequenceEqual(b.DataTypes);

    public static ErrorClass ToContract(QbErrorClass errorClass) => errorClass switch
    {
        QbErrorClass.RetryLater => ErrorClass.RetryLater,
        QbErrorClass.NeedsPerson => ErrorClass.NeedsPerson,
        _ => ErrorClass.RequestInvalid,
    };

    public static QbErrorClass FromContract(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.RetryLater => QbErrorClass.RetryLater,
        ErrorClass.NeedsPerson => QbErrorClass.NeedsPerson,
        _ => QbErrorClass.RequestInvalid,
    };
}
