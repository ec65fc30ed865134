using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

/// <summary>
/// Keeps each record of a page in its newest state, with four commands prepared once per page
/// and rebound per record (a page holds hundreds of records; compiling SQL per record cost more
/// than storing them).
/// </summary>
internal sealed class PageUpserter : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _replace;
    private readonly SqliteCommand _touch;

    public PageUpserter(SqliteConnection connection, SqliteTransaction transaction, string companyId, string dataType, DateTimeOffset now)
    {
        _find = connection.Command(transaction, "SELECT edit_sequence, time_modified_utc, deleted FROM records WHERE company_id = $company AND data_type = $type AND id = $id");
        _insert = connection.Command(transaction, """
            INSERT INTO records (company_id, data_type, id, edit_sequence, time_modified, time_modified_utc, deleted, json, deliveries, updated_at)
            VALUES ($company, $type, $id, $edit, $modified, $modifiedUtc, $deleted, $json, 1, $now)
            """);
        _replace = connection.Command(transaction, """
            UPDATE records SET edit_sequence = $edit, time_modified = $modified, time_modified_utc = $modifiedUtc, deleted = $deleted,
                json = $json, deliveries = deliveries + 1, updated_at = $now
            WHERE company_id = $company AND data_type = $type AND id = $id
            """);
        _touch = connection.Command(transaction, "UPDATE records SET deliveries = deliveries + 1 WHERE company_id = $company AND data_type = $type AND id = $id");
        foreach (var command in new[] { _find, _insert, _replace, _touch })
        {
            command.Parameters.AddWithValue("$company", companyId);
            command.Parameters.AddWithValue("$type", dataType);
            command.Parameters.Add("$id", SqliteType.Text);
        }

        foreach (var command in new[] { _insert, _replace })
        {
            command.Parameters.Add("$edit", SqliteType.Text);
            command.Parameters.Add("$modified", SqliteType.Text);
            command.Parameters.Add("$modifiedUtc", SqliteType.Text);
            command.Parameters.Add("$deleted", SqliteType.Integer);
            command.Parameters.Add("$json", SqliteType.Blob);
            command.Parameters.AddWithValue("$now", now.ToDb());
        }
    }

    /// <summary>Inserts the record, replaces an older state of it, or only counts the delivery.</summary>
    public void Upsert(IncomingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var command = Find(record) switch
        {
            null => _insert,
            { } stored when RecordVersions.IsNewer(record, stored) => _replace,
            _ => _touch,
        };
        command.Parameters["$id"].Value = record.Id;
        if (command != _touch)
        {
            command.Parameters["$edit"].Value = record.EditSequence;
            command.Parameters["$modified"].Value = record.TimeModified;
            command.Parameters["$modifiedUtc"].Value = (object?)record.TimeModifiedUtc.ToDb() ?? DBNull.Value;
            command.Parameters["$deleted"].Value = record.Deleted ? 1 : 0;
            command.Parameters["$json"].Value = record.Json;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _find.Dispose();
        _insert.Dispose();
        _replace.Dispose();
        _touch.Dispose();
    }

    /// <summary>The stored state's version fields only: the stored JSON is not needed to compare versions.</summary>
    private StoredRecord? Find(IncomingRecord record)
    {
        _find.Parameters["$id"].Value = record.Id;
        using var reader = _find.ExecuteReader();
        return reader.Read()
            ? new StoredRecord(record.Id, reader.GetString(0), "", reader.Time("time_modified_utc"), reader.GetInt64(2) != 0, [], 0)
            : null;
    }
}
