using System.Buffers;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Wire;

/// <summary>Hands a payload slice of the transport buffer to a deserializer without copying.</summary>
public sealed class SequenceDeserializationContext : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;

    /// <summary>Deserialises one payload; a failing deserializer becomes INTERNAL.</summary>
    public T Deserialize<T>(ReadOnlySequence<byte> payload, Func<DeserializationContext, T> deserializer)
    {
        ArgumentNullException.ThrowIfNull(deserializer);
        _payload = payload;
        try
        {
            return deserializer(this);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Error deserializing the message.", ex));
        }
        finally
        {
            _payload = default;
        }
    }
}
