using QbConnector.CloudContract.V1;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Tests.Grpc;

/// <summary>The contract's hand-written descriptors, as both sides use them.</summary>
public sealed class ConnectorServiceDescriptorsTests
{
    [Fact]
    public void Methods_have_the_full_names_protoc_would_give_them()
    {
        ConnectorServiceDescriptors.Link.FullName.Should().Be("/qbconnector.connector.v1.ConnectorService/Link");
        ConnectorServiceDescriptors.Link.Type.Should().Be(MethodType.Unary);
        ConnectorServiceDescriptors.Connect.FullName.Should().Be("/qbconnector.connector.v1.ConnectorService/Connect");
        ConnectorServiceDescriptors.Connect.Type.Should().Be(MethodType.DuplexStreaming);
        ConnectorServiceDescriptors.ServiceName.Should().Be(LinkRequest.Descriptor.File.Services.Single().FullName);
    }

    [Fact]
    public void Marshallers_round_trip_messages()
    {
        var message = new ClientMessage { DataPage = new DataPage { CompanyId = "c", Sequence = 42, DataType = "items" } };
        var marshaller = ConnectorServiceDescriptors.ClientMessageMarshaller;

        marshaller.Deserializer(marshaller.Serializer(message)).Should().Be(message);
    }

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer  abc ", "abc")]
    [InlineData("Basic abc", null)]
    [InlineData("Bearer ", null)]
    [InlineData("abc", null)]
    public void The_bearer_credential_is_read_from_the_authorization_entry(string value, string? expected)
    {
        var headers = new Metadata { { "authorization", value } };

        ConnectorServiceDescriptors.ReadBearer(headers).Should().Be(expected);
    }

    [Fact]
    public void Bearer_headers_carry_the_credential()
    {
        ConnectorServiceDescriptors.ReadBearer(ConnectorServiceDescriptors.BearerHeaders("s3cret")).Should().Be("s3cret");
        ConnectorServiceDescriptors.ReadBearer(new Metadata()).Should().BeNull();
    }
}
