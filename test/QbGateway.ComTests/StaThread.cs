namespace QbConnector.QbGateway.ComTests;

/// <summary>Runs code on a fresh single-threaded-apartment thread, as the gateway's pinned thread does.</summary>
internal static class StaThread
{
    public static T Run<T>(Func<T> work)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.SetApartmentState(ApartmentState.STA);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new AggregateException(failure);
        }

        return result!;
    }
}
