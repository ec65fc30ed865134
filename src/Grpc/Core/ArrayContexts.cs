using System.Buffers;

namespace QbConnector.Grpc.Core;

/// <summary>Collects a contextual serializer's output into an array (for the array-based view of a marshaller).</summary>
internal sealed class ArraySerializationContext : SerializationContext
{
    private ArrayBufferWriter<byte>? _writer;
    private byte[]? _payload;

    public byte[] Payload => _payload ?? throw new InvalidOperationException("The serializer did not complete the message.");

    public override void Complete(byte[] payload) => _payload = payload;

    public override IBufferWriter<byte> GetBufferWriter() => _writer ??= new ArrayBufferWriter<byte>();

    public override void SetPayloadLength(int payloadLength)
    {
    }

    public override void Complete() => _payload = _writer is null ? [] : _writer.WrittenSpan.ToArray();
}

/// <summary>A payload held in one array.</summary>
internal sealed class ArrayDeserializationContext(byte[] payload) : DeserializationContext
{
    public override int PayloadLength => payload.Length;

    public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
}
