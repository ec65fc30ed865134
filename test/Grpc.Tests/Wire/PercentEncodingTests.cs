using FsCheck;
using FsCheck.Fluent;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Tests.Wire;

public sealed class PercentEncodingTests
{
    [Fact]
    public void Encodes_the_interop_special_message_to_printable_ascii()
    {
        const string message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
        var encoded = PercentEncoding.Encode(message);

        encoded.Should().Be("%09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A");
        PercentEncoding.Decode(encoded).Should().Be(message);
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    [InlineData("%4", "%4")]
    [InlineData("%41%42", "AB")]
    [InlineData("%FF", "\uFFFD")]
    public void Decoding_tolerates_malformed_input(string input, string expected) => PercentEncoding.Decode(input).Should().Be(expected);

    [Fact]
    public void Round_trips_any_valid_string() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null && !HasLoneSurrogate(s)), text =>
        {
            var encoded = PercentEncoding.Encode(text);
            return encoded.All(c => c is >= ' ' and <= '~') && PercentEncoding.Decode(encoded) == text;
        }).QuickCheckThrowOnFailure();

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
