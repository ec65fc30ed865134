using System.Buffers;

namespace QbConnector.Grpc.Core;

/// <summary>
/// Where a marshaller writes one message: either a whole array, or straight into the transport's
/// buffer when the length is known first (no copy).
/// </summary>
public abstract class SerializationContext
{
    /// <summary>Ends the message with a payload already serialised.</summary>
    public virtual void Complete(byte[] payload) => throw new NotSupportedException();

    /// <summary>A writer for the payload; after <see cref="SetPayloadLength"/> it writes straight to the transport.</summary>
    public virtual IBufferWriter<byte> GetBufferWriter() => throw new NotSupportedException();

    /// <summary>Announces the payload length before writing, which lets the frame prefix go out first.</summary>
    public virtual void SetPayloadLength(int payloadLength) => throw new NotSupportedException();

    /// <summary>Ends a message written through <see cref="GetBufferWriter"/>.</summary>
    public virtual void Complete() => throw new NotSupportedException();
}
