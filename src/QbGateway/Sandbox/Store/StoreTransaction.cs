namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>A write transaction on a company file: rolled back when disposed without a commit.</summary>
internal sealed class StoreTransaction(CompanyStore store) : IDisposable
{
    private bool _done;

    public void Commit()
    {
        if (_done)
        {
            return;
        }

        store.Execute("COMMIT");
        _done = true;
    }

    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        store.Execute("ROLLBACK");
    }
}
