using System.Buffers;
using BenchmarkDotNet.Attributes;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Benchmarks.Grpc;

/// <summary>Length-prefix framing of a ~64 KB message, the size of a data page.</summary>
[MemoryDiagnoser]
public class GrpcFramingBenchmarks
{
    private const int MessageSize = 64 * 1024;

    // Announces the length first, as the protobuf marshaller does, so the payload goes straight out.
    private static readonly Marshaller<byte[]> Direct = Marshallers.Create<byte[]>(
        (message, context) =>
        {
            context.SetPayloadLength(message.Length);
            context.GetBufferWriter().Write(message);
            context.Complete();
        },
        context => context.PayloadAsNewBuffer());

    // Reads the payload in place, without copying it.
    private static readonly Func<DeserializationContext, long> PayloadLength = context => context.PayloadAsReadOnlySequence().Length;

    private readonly byte[] _message = new byte[MessageSize];
    private readonly ArrayBufferWriter<byte> _output = new(MessageSize + 5);
    private readonly MessageFrameWriter _writer = new(GrpcProtocol.DefaultMaxMessageSize);
    private readonly SequenceDeserializationContext _context = new();
    private ReadOnlySequence<byte> _framed;

    [GlobalSetup]
    public void Setup()
    {
        Random.Shared.NextBytes(_message);
        var output = new ArrayBufferWriter<byte>();
        _writer.Write(output, _message, Direct.ContextualSerializer);
        _framed = new ReadOnlySequence<byte>(output.WrittenMemory.ToArray());
    }

    [Benchmark]
    public int Encode()
    {
        _output.ResetWrittenCount();
        _writer.Write(_output, _message, Direct.ContextualSerializer);
        return _output.WrittenCount;
    }

    [Benchmark]
    public long Decode()
    {
        var buffer = _framed;
        MessageFrameReader.TryRead(ref buffer, GrpcProtocol.DefaultMaxMessageSize, out var payload);
        return _context.Deserialize(payload, PayloadLength);
    }
}
