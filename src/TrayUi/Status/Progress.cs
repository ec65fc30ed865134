using QbConnector.Engine.Control.Contracts;

namespace QbConnector.TrayUi.Status;

/// <summary>How far a piece of work has come, as a fraction a progress bar can show.</summary>
internal static class Progress
{
    /// <summary>
    /// By records when the total is known (the finer measure), else by data types; 0 to 1.
    /// </summary>
    public static double Fraction(CurrentWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.RecordsTotal is > 0 and var total)
        {
            return Math.Clamp((double)work.RecordsDone / total, 0, 1);
        }

        return work.DataTypesTotal > 0 ? Math.Clamp((double)work.DataTypesDone / work.DataTypesTotal, 0, 1) : 0;
    }

    public static int Percent(CurrentWork work) => (int)Math.Floor(Fraction(work) * 100);
}
