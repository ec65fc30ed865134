using FsCheck;
using FsCheck.Fluent;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Tests.Wire;

public sealed class MetadataBase64Tests
{
    [Fact]
    public void Sends_without_padding_and_reads_with_or_without() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>().Filter(b => b is not null), bytes =>
        {
            var sent = MetadataBase64.Encode(bytes);
            var padded = Convert.ToBase64String(bytes);
            return !sent.Contains('=', StringComparison.Ordinal)
                && MetadataBase64.TryDecode(sent, out var a) && a.SequenceEqual(bytes)
                && MetadataBase64.TryDecode(padded, out var b) && b.SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("a")]
    [InlineData("@@@@")]
    [InlineData("qw=a")]
    public void Rejects_what_is_not_base64(string text) => MetadataBase64.TryDecode(text, out _).Should().BeFalse();
}
