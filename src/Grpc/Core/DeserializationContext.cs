using System.Buffers;

namespace QbConnector.Grpc.Core;

/// <summary>One received message payload, readable without copying.</summary>
public abstract class DeserializationContext
{
    public abstract int PayloadLength { get; }

    /// <summary>The payload in a new array (a copy).</summary>
    public virtual byte[] PayloadAsNewBuffer() => throw new NotSupportedException();

    /// <summary>The payload in the transport's buffers; valid only during the deserializer call.</summary>
    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence() => throw new NotSupportedException();
}
