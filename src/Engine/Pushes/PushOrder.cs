namespace QbConnector.Engine.Pushes;

/// <summary>A push as the cloud asked for it: the record to write and, for a Mod, which version it changes.</summary>
/// <param name="Refusal">A problem found when the push arrived (the record was not kept); the push fails with it.</param>
public sealed record PushOrder(
    string PushId,
    string DataType,
    PushAction Action,
    string RecordJson,
    string? RecordId = null,
    string? EditSequence = null,
    string? Refusal = null);
