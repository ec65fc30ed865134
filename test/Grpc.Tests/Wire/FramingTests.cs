using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Tests.Wire;

public sealed class FramingTests
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    // Announces the length and writes straight into the output, like the protobuf marshaller.
    private static readonly Marshaller<byte[]> Direct = Marshallers.Create<byte[]>(
        (message, context) =>
        {
            context.SetPayloadLength(message.Length);
            var writer = context.GetBufferWriter();
            writer.Write(message);
            context.Complete();
        },
        context => context.PayloadAsNewBuffer());

    // Writes through the buffer writer without announcing the length.
    private static readonly Marshaller<byte[]> Buffered = Marshallers.Create<byte[]>(
        (message, context) =>
        {
            context.GetBufferWriter().Write(message);
            context.Complete();
        },
        context => context.PayloadAsReadOnlySequence().ToArray());

    [Fact]
    public void Messages_survive_framing_split_at_any_boundaries() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<byte[][]>().Filter(m => m is not null && m.All(x => x is not null)),
            ArbMap.Default.ArbFor<int>(),
            (messages, seed) =>
            {
                var output = new ArrayBufferWriter<byte>();
                var writer = new MessageFrameWriter(null);
                var marshallers = new[] { Bytes, Direct, Buffered };
                for (var i = 0; i < messages.Length; i++)
                {
                    writer.Write(output, messages[i], marshallers[i % 3].ContextualSerializer);
                }

                var read = ReadAll(Split(output.WrittenMemory, new Random(seed)));
                return read.Count == messages.Length && read.Zip(messages).All(p => p.First.SequenceEqual(p.Second));
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_prefix_is_a_zero_flag_and_a_big_endian_length()
    {
        var output = new ArrayBufferWriter<byte>();
        new MessageFrameWriter(null).Write(output, new byte[258], Direct.ContextualSerializer);
        output.WrittenSpan[..5].ToArray().Should().Equal(0, 0, 0, 1, 2);
    }

    [Fact]
    public void A_serializer_that_lies_about_its_length_is_an_internal_error()
    {
        var liar = Marshallers.Create<byte[]>(
            (message, context) =>
            {
                context.SetPayloadLength(message.Length + 1);
                context.GetBufferWriter().Write(message);
                context.Complete();
            },
            context => context.PayloadAsNewBuffer());
        var act = () => new MessageFrameWriter(null).Write(new ArrayBufferWriter<byte>(), new byte[3], liar.ContextualSerializer);
        act.Should().Throw<RpcException>().Which.StatusCode.Should().Be(StatusCode.Internal);
    }

    [Fact]
    public void Sending_over_the_limit_is_resource_exhausted_and_writes_nothing()
    {
        var output = new ArrayBufferWriter<byte>();
        var act = () => new MessageFrameWriter(10).Write(output, new byte[11], Direct.ContextualSerializer);
        act.Should().Throw<RpcException>().Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        output.WrittenCount.Should().Be(0);
    }

    [Fact]
    public void A_four_gigabyte_prefix_is_refused_from_its_five_bytes()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF });
        var act = () => MessageFrameReader.TryRead(ref buffer, GrpcProtocol.DefaultMaxMessageSize, out _);
        act.Should().Throw<RpcException>().Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public void A_partial_message_needs_more_data()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 3, 1 });
        MessageFrameReader.TryRead(ref buffer, null, out _).Should().Be(FrameReadResult.NeedMoreData);
        buffer.Length.Should().Be(6);
    }

    private static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        Segment? first = null;
        Segment? last = null;
        var offset = 0;
        while (offset < bytes.Length)
        {
            var size = Math.Min(random.Next(1, 8), bytes.Length - offset);
            var segment = new Segment(bytes.Slice(offset, size), offset);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.SetNext(segment);
            }

            last = segment;
            offset += size;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private static List<byte[]> ReadAll(ReadOnlySequence<byte> buffer)
    {
        var result = new List<byte[]>();
        var context = new SequenceDeserializationContext();
        while (MessageFrameReader.TryRead(ref buffer, null, out var payload) == FrameReadResult.Message)
        {
            result.Add(context.Deserialize(payload, Buffered.ContextualDeserializer));
        }

        buffer.Length.Should().Be(0);
        return result;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
