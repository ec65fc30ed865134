using QbConnector.Grpc.Core;
using QbConnector.Grpc.Tests.Interop.Messages;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>grpc.testing.TestService's methods, described by hand as generated code would.</summary>
public static class TestServiceMethods
{
    public const string Service = "grpc.testing.TestService";

    public static readonly Method<Empty, Empty> EmptyCall = new(MethodType.Unary, Service, "EmptyCall", Marshallers.CreateProtobuf(Empty.Parser), Marshallers.CreateProtobuf(Empty.Parser));
    public static readonly Method<SimpleRequest, SimpleResponse> UnaryCall = new(MethodType.Unary, Service, "UnaryCall", Marshallers.CreateProtobuf(SimpleRequest.Parser), Marshallers.CreateProtobuf(SimpleResponse.Parser));
    public static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCall = new(MethodType.ServerStreaming, Service, "StreamingOutputCall", Marshallers.CreateProtobuf(StreamingOutputCallRequest.Parser), Marshallers.CreateProtobuf(StreamingOutputCallResponse.Parser));
    public static readonly Method<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall = new(MethodType.ClientStreaming, Service, "StreamingInputCall", Marshallers.CreateProtobuf(StreamingInputCallRequest.Parser), Marshallers.CreateProtobuf(StreamingInputCallResponse.Parser));
    public static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCall = new(MethodType.DuplexStreaming, Service, "FullDuplexCall", Marshallers.CreateProtobuf(StreamingOutputCallRequest.Parser), Marshallers.CreateProtobuf(StreamingOutputCallResponse.Parser));
    public static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> HalfDuplexCall = new(MethodType.DuplexStreaming, Service, "HalfDuplexCall", Marshallers.CreateProtobuf(StreamingOutputCallRequest.Parser), Marshallers.CreateProtobuf(StreamingOutputCallResponse.Parser));
    public static readonly Method<Empty, Empty> UnimplementedCall = new(MethodType.Unary, Service, "UnimplementedCall", Marshallers.CreateProtobuf(Empty.Parser), Marshallers.CreateProtobuf(Empty.Parser));
    public static readonly Method<Empty, Empty> UnimplementedServiceCall = new(MethodType.Unary, "grpc.testing.UnimplementedService", "UnimplementedCall", Marshallers.CreateProtobuf(Empty.Parser), Marshallers.CreateProtobuf(Empty.Parser));
}
