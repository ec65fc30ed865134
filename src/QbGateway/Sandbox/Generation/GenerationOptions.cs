namespace QbConnector.QbGateway.Sandbox.Generation;

/// <summary>The regions QuickBooks Desktop is sold in; each edition has its own tax model and host product name.</summary>
public enum CompanyCountry
{
    US,
    CA,
    UK,
}

/// <summary>What to generate: the same options always give the same company file (same ids, same edit sequences).</summary>
public sealed record GenerationOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Roughly the total number of records (lists, transactions and delete history together).</summary>
    public int Scale { get; init; } = 1_000;

    public CompanyCountry Country { get; init; } = CompanyCountry.US;

    public string? CompanyName { get; init; }

    /// <summary>
    /// The company's "today": history spreads over the five years before it, up to 17:00 that day.
    /// Defaults to the current date in the company's time zone, with nothing later than now.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The clock that "now" comes from when <see cref="AsOf"/> is not given.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>What a generation produced.</summary>
public sealed record GenerationResult(string Path, long Records, long DeletedRecords, TimeSpan Elapsed, long FileBytes);
