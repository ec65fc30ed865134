namespace QbConnector.QbGateway.Qbxml.Responses;

/// <summary>Limits for reading response documents.</summary>
public sealed record QbResponseReaderOptions
{
    public static QbResponseReaderOptions Default { get; } = new();

    /// <summary>Largest document accepted, in characters (default 256 Mi).</summary>
    public long MaxCharactersInDocument { get; init; } = 256L * 1024 * 1024;

    /// <summary>Deepest nesting accepted inside one Ret element.</summary>
    public int MaxRecordDepth { get; init; } = Records.QbRecordXml.DefaultMaxDepth;
}
