using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

/// <summary>Pushes: records the platform asks the connector to write to QuickBooks, and their outcome.</summary>
internal sealed class PushStore(EmulatorDatabase database, TimeProvider time)
{
    public Push Queue(string companyId, string dataType, PushOperation operation, byte[] recordJson, string? recordId, string? editSequence)
    {
        var id = Guid.NewGuid().ToString("D");
        database.InTransaction((c, t) => c.Execute(
            t,
            """
            INSERT INTO pushes (id, company_id, data_type, operation, record_json, record_id, edit_sequence, status, queued_at)
            VALUES ($id, $company, $type, $operation, $json, $recordId, $editSequence, 'Pending', $now)
            """,
            ("$id", id),
            ("$company", companyId),
            ("$type", dataType),
            ("$operation", operation.ToString()),
            ("$json", recordJson),
            ("$recordId", recordId),
            ("$editSequence", editSequence),
            ("$now", time.GetUtcNow().ToDb())));
        return Get(companyId, id)!;
    }

    public Push? Get(string companyId, string id) =>
        database.InTransaction((c, t) => c.Query(t, "SELECT * FROM pushes WHERE id = $id AND company_id = $company", Map, ("$id", id), ("$company", companyId)).SingleOrDefault());

    public IReadOnlyList<Push> Pending(string companyId) =>
        database.InTransaction((c, t) => c.Query(t, "SELECT * FROM pushes WHERE company_id = $company AND status = 'Pending' ORDER BY rowid", Map, ("$company", companyId)));

    public bool RecordSuccess(string companyId, string id, string resultId, string resultEditSequence) =>
        Finish(companyId, id, PushStatus.Success, "result_id = $resultId, result_edit_sequence = $resultEdit", ("$resultId", resultId), ("$resultEdit", resultEditSequence));

    public bool RecordFailure(string companyId, string id, int status, string message) =>
        Finish(companyId, id, PushStatus.Failed, "error_status = $errorStatus, error_message = $errorMessage", ("$errorStatus", status), ("$errorMessage", message));

    public bool RecordConflict(string companyId, string id, string message, byte[] currentJson) =>
        Finish(companyId, id, PushStatus.Conflict, "error_message = $errorMessage, conflict_json = $conflict", ("$errorMessage", message), ("$conflict", currentJson));

    /// <summary>Only a pending push takes an outcome: the first reported outcome stands.</summary>
    private bool Finish(string companyId, string id, PushStatus status, string assignments, params (string Name, object? Value)[] parameters) =>
        database.InTransaction((c, t) => c.Execute(
            t,
            $"UPDATE pushes SET status = $status, completed_at = $now, {assignments} WHERE id = $id AND company_id = $company AND status = 'Pending'",
            [.. parameters, ("$status", status.ToString()), ("$now", time.GetUtcNow().ToDb()), ("$id", id), ("$company", companyId)]) > 0);

    private static Push Map(SqliteDataReader r) => new(
        r.RequiredText("id"),
        r.RequiredText("company_id"),
        r.RequiredText("data_type"),
        Enum.Parse<PushOperation>(r.RequiredText("operation")),
        r.Blob("record_json") ?? [],
        r.Text("record_id"),
        r.Text("edit_sequence"),
        Enum.Parse<PushStatus>(r.RequiredText("status")),
        r.Time("queued_at")!.Value,
        r.Time("completed_at"),
        r.Text("result_id"),
        r.Text("result_edit_sequence"),
        (int?)r.NullableInt("error_status"),
        r.Text("error_message"),
        r.Blob("conflict_json"));
}
