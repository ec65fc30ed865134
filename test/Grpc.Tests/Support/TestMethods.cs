using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Tests.Support;

/// <summary>Methods with UTF-8 string messages, enough to exercise the transport.</summary>
public static class TestMethods
{
    public const string Service = "test.Echo";

    public static readonly Method<string, string> Unary = Create(MethodType.Unary, "Unary");
    public static readonly Method<string, string> ServerStreaming = Create(MethodType.ServerStreaming, "ServerStreaming");
    public static readonly Method<string, string> ClientStreaming = Create(MethodType.ClientStreaming, "ClientStreaming");
    public static readonly Method<string, string> Duplex = Create(MethodType.DuplexStreaming, "Duplex");

    public static Method<string, string> Create(MethodType type, string name, string service = Service) =>
        new(type, service, name, Marshallers.StringMarshaller, Marshallers.StringMarshaller);
}
