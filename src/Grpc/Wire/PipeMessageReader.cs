using System.IO.Pipelines;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Wire;

/// <summary>Reads messages one at a time from a PipeReader (a request or response body).</summary>
public sealed class PipeMessageReader<T>
{
    private readonly PipeReader _reader;
    private readonly Func<DeserializationContext, T> _deserializer;
    private readonly int? _maxMessageSize;
    private readonly SequenceDeserializationContext _context = new();

    public PipeMessageReader(PipeReader reader, Func<DeserializationContext, T> deserializer, int? maxMessageSize)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(deserializer);
        _reader = reader;
        _deserializer = deserializer;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>True once the body has ended cleanly.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>Reads the next message; null-free result pairs: (true, message) or (false, default) at a clean end.</summary>
    /// <exception cref="RpcException">INTERNAL when the body ends inside a message; see <see cref="MessageFrameReader"/>.</exception>
    public async ValueTask<(bool HasMessage, T? Message)> ReadAsync(CancellationToken cancellationToken)
    {
        if (IsCompleted)
        {
            return (false, default);
        }

        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            FrameReadResult found;
            System.Buffers.ReadOnlySequence<byte> payload;
            try
            {
                found = MessageFrameReader.TryRead(ref buffer, _maxMessageSize, out payload);
            }
            catch
            {
                _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw;
            }

            if (found == FrameReadResult.Message)
            {
                try
                {
                    return (true, _context.Deserialize(payload, _deserializer));
                }
                finally
                {
                    _reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                _reader.AdvanceTo(buffer.End);
                if (result.Buffer.Length > 0)
                {
                    throw new RpcException(new Status(StatusCode.Internal, $"The stream ended inside a message ({result.Buffer.Length} bytes left over)."));
                }

                if (result.IsCanceled)
                {
                    throw new OperationCanceledException("The read was cancelled.");
                }

                IsCompleted = true;
                return (false, default);
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
