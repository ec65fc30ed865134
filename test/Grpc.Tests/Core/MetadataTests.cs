using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Tests.Core;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_are_lower_cased_and_looked_up_case_insensitively()
    {
        var metadata = new Metadata { { "X-Trace", "abc" } };
        metadata[0].Key.Should().Be("x-trace");
        metadata.GetValue("X-TRACE").Should().Be("abc");
    }

    [Theory]
    [InlineData("bad key")]
    [InlineData("bad:key")]
    [InlineData("")]
    public void Invalid_keys_are_refused(string key) => ((Action)(() => new Metadata.Entry(key, "v"))).Should().Throw<ArgumentException>();

    [Fact]
    public void Text_values_must_be_printable_ascii_and_bytes_need_a_bin_key()
    {
        ((Action)(() => new Metadata.Entry("k", "caf\u00e9"))).Should().Throw<ArgumentException>();
        ((Action)(() => new Metadata.Entry("k", new byte[] { 1 }))).Should().Throw<ArgumentException>();
        ((Action)(() => new Metadata.Entry("k-bin", "text"))).Should().Throw<ArgumentException>();
        new Metadata.Entry("k-bin", new byte[] { 1 }).IsBinary.Should().BeTrue();
    }

    [Fact]
    public void The_empty_instance_is_read_only() => ((Action)(() => Metadata.Empty.Add("k", "v"))).Should().Throw<InvalidOperationException>();

    [Fact]
    public void Received_binary_headers_may_hold_several_comma_separated_values()
    {
        var metadata = new Metadata();
        MetadataHeaders.AddFromHeader(metadata, "x-bin", ["AQ, Ag==", "not base64!"]);
        metadata.GetAll("x-bin").Select(e => e.ValueBytes[0]).Should().Equal(1, 2);
    }

    [Fact]
    public void Protocol_headers_are_not_metadata()
    {
        var metadata = new Metadata();
        MetadataHeaders.AddFromHeader(metadata, "grpc-status", ["0"]);
        MetadataHeaders.AddFromHeader(metadata, "content-type", ["application/grpc"]);
        MetadataHeaders.AddFromHeader(metadata, ":path", ["/x"]);
        metadata.Should().BeEmpty();
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Recognises_grpc_content_types(string? contentType, bool expected) => GrpcProtocol.IsGrpcContentType(contentType).Should().Be(expected);
}
