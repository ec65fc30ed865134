namespace QbConnector.Engine.Updates.Download;

/// <summary>A finished download: its size, and where this attempt started (0 unless it resumed).</summary>
public sealed record DownloadResult(long Length, long ResumedFrom);
