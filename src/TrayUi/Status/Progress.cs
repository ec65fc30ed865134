using QbConnector.Engine.Control.Contracts;

namespace QbConnector.TrayUi.Status;

/// <summary>How far a piece of work has come, as a fraction a progress bar can show.</summary>
internal static class Progress
{
    /// <summary>
    /// The engine's own measure when it reports one (it only moves forward and is whole exactly
    /// when the work is done); else by records when their total is known, else by data types (of
    /// the whole run when reported); 0 to 1.
    /// </summary>
    public static double Fraction(CurrentWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Fraction is { } fraction && double.IsFinite(fraction))
        {
            return Math.Clamp(fraction, 0, 1);
        }

        if (work.RecordsTotal is > 0 and var total)
        {
            return Math.Clamp((double)work.RecordsDone / total, 0, 1);
        }

        var (done, dataTypes) = work.Run is { } run ? (run.DataTypesDone, run.DataTypesTotal) : (work.DataTypesDone, work.DataTypesTotal);
        return dataTypes > 0 ? Math.Clamp((double)done / dataTypes, 0, 1) : 0;
    }

    /// <summary>Whole percent, rounded down: 100 only when the work is done.</summary>
    public static int Percent(CurrentWork work) => (int)Math.Floor(Fraction(work) * 100);
}
