using System.Buffers;
using System.Buffers.Binary;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Wire;

/// <summary>The outcome of looking for one message in buffered bytes.</summary>
public enum FrameReadResult
{
    /// <summary>A whole message was found.</summary>
    Message,

    /// <summary>More bytes are needed.</summary>
    NeedMoreData,
}

/// <summary>
/// Finds length-prefixed messages in buffered bytes. The prefix is checked as soon as its 5
/// bytes are there, so an oversized length is refused before any of its payload is awaited.
/// </summary>
public static class MessageFrameReader
{
    /// <summary>Looks for one message at the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The buffered bytes; on <see cref="FrameReadResult.Message"/> it is advanced past the message.</param>
    /// <param name="maxMessageSize">The largest payload allowed, or null for no limit.</param>
    /// <param name="payload">The message payload, a slice of the buffer.</param>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED for a message over the limit; INTERNAL for a compressed or malformed prefix.</exception>
    public static FrameReadResult TryRead(ref ReadOnlySequence<byte> buffer, int? maxMessageSize, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return FrameReadResult.NeedMoreData;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var length = CheckHeader(header, maxMessageSize);
        if (buffer.Length - GrpcProtocol.HeaderSize < length)
        {
            return FrameReadResult.NeedMoreData;
        }

        payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return FrameReadResult.Message;
    }

    /// <summary>Validates a 5-byte prefix and returns the payload length.</summary>
    public static long CheckHeader(ReadOnlySpan<byte> header, int? maxMessageSize)
    {
        switch (header[0])
        {
            case 0:
                break;
            case 1:
                // Nothing here negotiates compression, so a peer that compresses has ignored
                // grpc-accept-encoding (or sent the flag without grpc-encoding at all).
                throw new RpcException(new Status(StatusCode.Internal, "Received a compressed message, but no compression was negotiated (grpc-encoding)."));
            default:
                throw new RpcException(new Status(StatusCode.Internal, $"Invalid message prefix: compressed flag {header[0]}."));
        }

        long length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (maxMessageSize ?? int.MaxValue))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {maxMessageSize ?? int.MaxValue} bytes)."));
        }

        return length;
    }
}
