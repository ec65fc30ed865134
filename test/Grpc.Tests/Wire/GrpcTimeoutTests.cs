using FsCheck;
using FsCheck.Fluent;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Tests.Wire;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("100n", 1L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void Parses_every_unit(string text, long ticks)
    {
        GrpcTimeout.TryParse(text, out var timeout).Should().BeTrue();
        timeout.Ticks.Should().Be(ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData(" 1S")]
    public void Rejects_malformed_values(string text) => GrpcTimeout.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Formats_with_at_most_eight_digits_and_never_shortens_the_timeout() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).Select(i => TimeSpan.FromTicks((long)i * i)).ToArbitrary(), timeout =>
        {
            var text = GrpcTimeout.Format(timeout);
            GrpcTimeout.TryParse(text, out var parsed).Should().BeTrue(text);
            text.Length.Should().BeLessThanOrEqualTo(9);
            return parsed >= timeout || text == "99999999H";
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Formats_a_huge_timeout_as_the_largest_value() => GrpcTimeout.Format(TimeSpan.MaxValue).Should().Be("99999999H");
}
