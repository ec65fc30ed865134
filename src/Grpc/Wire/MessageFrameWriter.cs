using System.Buffers;
using System.Buffers.Binary;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Wire;

/// <summary>
/// Writes length-prefixed messages into a buffer writer (a PipeWriter in practice). When the
/// marshaller announces the length first, the payload goes straight into the output; otherwise it
/// is collected in a reused buffer and copied once.
/// </summary>
public sealed class MessageFrameWriter : SerializationContext
{
    private readonly int? _maxMessageSize;
    private readonly CountingWriter _direct = new();
    private ArrayBufferWriter<byte>? _buffer;
    private IBufferWriter<byte>? _output;
    private int _announcedLength = -1;
    private bool _completed;

    /// <param name="maxMessageSize">The largest payload allowed, or null for no limit.</param>
    public MessageFrameWriter(int? maxMessageSize) => _maxMessageSize = maxMessageSize;

    /// <summary>Serialises one message, with its prefix, into <paramref name="output"/>.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the message is too large; INTERNAL when the marshaller misbehaves.</exception>
    public void Write<T>(IBufferWriter<byte> output, T message, Action<T, SerializationContext> serializer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(serializer);
        _output = output;
        _announcedLength = -1;
        _completed = false;
        _buffer?.ResetWrittenCount();
        try
        {
            serializer(message, this);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Error serializing the message.", ex));
        }
        finally
        {
            _output = null;
        }

        if (!_completed)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The serializer did not complete the message."));
        }
    }

    /// <summary>Writes the 5-byte prefix of an uncompressed message of this length.</summary>
    public static void WriteHeader(Span<byte> destination, int length)
    {
        destination[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var output = Output();
        CheckSize(payload.Length);
        PutHeader(output, payload.Length);
        output.Write(payload);
        _completed = true;
    }

    public override void SetPayloadLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        var output = Output();
        CheckSize(payloadLength);
        PutHeader(output, payloadLength);
        _announcedLength = payloadLength;
        _direct.Reset(output);
    }

    public override IBufferWriter<byte> GetBufferWriter()
    {
        Output();
        return _announcedLength >= 0 ? _direct : (_buffer ??= new ArrayBufferWriter<byte>());
    }

    public override void Complete()
    {
        var output = Output();
        if (_announcedLength >= 0)
        {
            if (_direct.Written != _announcedLength)
            {
                throw new RpcException(new Status(StatusCode.Internal, $"The serializer announced {_announcedLength} bytes but wrote {_direct.Written}."));
            }
        }
        else
        {
            var written = _buffer is null ? ReadOnlySpan<byte>.Empty : _buffer.WrittenSpan;
            CheckSize(written.Length);
            PutHeader(output, written.Length);
            output.Write(written);
        }

        _completed = true;
    }

    private IBufferWriter<byte> Output() => _output ?? throw new InvalidOperationException("No message is being written.");

    private void CheckSize(int length)
    {
        if (length > _maxMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({length} > {_maxMessageSize} bytes)."));
        }
    }

    private static void PutHeader(IBufferWriter<byte> output, int length)
    {
        var span = output.GetSpan(GrpcProtocol.HeaderSize);
        WriteHeader(span, length);
        output.Advance(GrpcProtocol.HeaderSize);
    }

    /// <summary>Passes writes through and counts them, to check the announced length.</summary>
    private sealed class CountingWriter : IBufferWriter<byte>
    {
        private IBufferWriter<byte>? _inner;

        public int Written { get; private set; }

        public void Reset(IBufferWriter<byte> inner)
        {
            _inner = inner;
            Written = 0;
        }

        public void Advance(int count)
        {
            _inner!.Advance(count);
            Written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => _inner!.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => _inner!.GetSpan(sizeHint);
    }
}
