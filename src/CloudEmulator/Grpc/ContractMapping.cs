using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Store;
using ContractRegion = QbConnector.CloudContract.V1.Region;
using ContractSettings = QbConnector.CloudContract.V1.Settings;
using ContractSyncFrequency = QbConnector.CloudContract.V1.SyncFrequency;
using ContractSyncMode = QbConnector.CloudContract.V1.SyncMode;
using StoreRegion = QbConnector.CloudEmulator.Store.Region;
using StoreSyncFrequency = QbConnector.CloudEmulator.Store.SyncFrequency;
using StoreSyncMode = QbConnector.CloudEmulator.Store.SyncMode;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>Translations between the emulator's records and the contract's messages.</summary>
internal static class ContractMapping
{
    public static StoreRegion? ToStore(ContractRegion region) => region switch
    {
        ContractRegion.Canada => StoreRegion.Canada,
        ContractRegion.Uk => StoreRegion.UK,
        ContractRegion.Us => StoreRegion.US,
        _ => null,
    };

    public static ContractSettings ToContract(SettingsDocument settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = new ContractSettings
        {
            Mode = settings.Mode == StoreSyncMode.OneTime ? ContractSyncMode.OneTime : ContractSyncMode.Ongoing,
        };
        if (settings.SyncHours is { } hours)
        {
            result.SyncHours = new CloudContract.V1.SyncHours { StartHour = (uint)hours.Start, EndHour = (uint)hours.End };
        }

        foreach (var (dataType, setting) in settings.DataTypes ?? new Dictionary<string, DataTypeSettings>())
        {
            result.DataTypes.Add(new DataTypeSetting
            {
                DataType = dataType,
                FetchOnFirstLink = setting.FetchOnFirstLink,
                SyncFrequency = setting.SyncFrequency switch
                {
                    StoreSyncFrequency.None => ContractSyncFrequency.None,
                    StoreSyncFrequency.Monthly => ContractSyncFrequency.Monthly,
                    StoreSyncFrequency.Weekly => ContractSyncFrequency.Weekly,
                    StoreSyncFrequency.Daily => ContractSyncFrequency.Daily,
                    _ => ContractSyncFrequency.Hourly,
                },
            });
        }

        return result;
    }

    public static WorkItem ToWork(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var sync = new SyncWork { Scope = dataset.FullSync ? SyncScope.Full : SyncScope.Incremental };
        sync.DataTypes.Add(dataset.DataType);
        return new WorkItem { WorkId = dataset.Id, CompanyId = dataset.CompanyId, Sync = sync };
    }

    public static WorkItem ToWork(Push push)
    {
        ArgumentNullException.ThrowIfNull(push);
        return new WorkItem
        {
            WorkId = push.Id,
            CompanyId = push.CompanyId,
            Push = new PushWork
            {
                PushId = push.Id,
                DataType = push.DataType,
                Operation = push.Operation == Store.PushOperation.Mod ? CloudContract.V1.PushOperation.Mod : CloudContract.V1.PushOperation.Add,
                RecordJson = ByteString.CopyFrom(push.RecordJson),
                RecordId = push.RecordId ?? string.Empty,
                EditSequence = push.EditSequence ?? string.Empty,
            },
        };
    }

    public static UpdateAvailable ToContract(UpdateAnnouncement update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new UpdateAvailable
        {
            Version = update.Version,
            PackageUrl = update.PackageUrl,
            Sha256 = update.Sha256,
            Signature = ByteString.CopyFrom(update.Signature),
        };
    }

    public static IncomingRecord ToStore(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new IncomingRecord(
            record.Id,
            record.EditSequence,
            record.TimeModified,
            record.TimeModifiedUtc?.ToDateTimeOffset(),
            record.Deleted,
            record.Json.ToByteArray());
    }

    public static Timestamp ToTimestamp(DateTimeOffset time) => Timestamp.FromDateTimeOffset(time);
}
