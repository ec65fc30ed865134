using System.Threading.Channels;
using QbConnector.CloudContract.V1;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>One open Connect stream: the messages waiting to go down it and the work already offered on it.</summary>
internal sealed class ConnectorSession : IDisposable
{
    private readonly Channel<ServerMessage> _outgoing = Channel.CreateUnbounded<ServerMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _offeredWork = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _ended = new();

    public ConnectorSession(string installId) => InstallId = installId;

    public string InstallId { get; }

    public ChannelReader<ServerMessage> Outgoing => _outgoing.Reader;

    /// <summary>Cancelled when the cloud ends the stream: a newer stream of the install replaced it, or the cloud stops.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Why the cloud ended the stream, once <see cref="Ended"/> is cancelled.</summary>
    public Status EndStatus { get; private set; }

    public void Send(ServerMessage message) => _outgoing.Writer.TryWrite(message);

    /// <summary>True the first time a work id is offered on this stream.</summary>
    public bool TryOffer(string workId)
    {
        lock (_gate)
        {
            return _offeredWork.Add(workId);
        }
    }

    /// <summary>No more messages: the writer sends what is queued and stops.</summary>
    public void CompleteOutgoing() => _outgoing.Writer.TryComplete();

    public void End(Status status)
    {
        EndStatus = status;
        _outgoing.Writer.TryComplete();
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream had already ended on its own; there is nothing left to end.
        }
    }

    public void Dispose()
    {
        _outgoing.Writer.TryComplete();
        _ended.Dispose();
    }
}
