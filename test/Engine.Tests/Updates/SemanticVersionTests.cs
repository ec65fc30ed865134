using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Updates;

namespace QbConnector.Engine.Tests.Updates;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.9.0", "1.10.0")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.2", "1.0.0-alpha.10")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta")]
    [InlineData("1.0.0-9", "1.0.0-a")]
    public void Versions_are_ordered_as_semver_says(string lower, string higher)
    {
        Parse(lower).Should().BeLessThan(Parse(higher));
        Parse(higher).Should().BeGreaterThan(Parse(lower));
    }

    [Fact]
    public void Build_metadata_does_not_change_the_order() =>
        Parse("1.2.3+build.7").CompareTo(Parse("1.2.3")).Should().Be(0);

    [Theory]
    [InlineData("")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-01")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3/../x")]
    public void Malformed_versions_do_not_parse(string text) =>
        SemanticVersion.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void The_order_is_total_and_consistent_with_the_numbers() =>
        Prop.ForAll(Triple().ToArbitrary(), Triple().ToArbitrary(), (a, b) =>
        {
            var left = new SemanticVersion(a.Item1, a.Item2, a.Item3, string.Empty);
            var right = new SemanticVersion(b.Item1, b.Item2, b.Item3, string.Empty);
            return Math.Sign(left.CompareTo(right)) == -Math.Sign(right.CompareTo(left))
                && Math.Sign(left.CompareTo(right)) == Math.Sign(a.CompareTo(b))
                && SemanticVersion.TryParse(left.ToString(), out var reparsed) && reparsed == left;
        }).QuickCheckThrowOnFailure();

    private static Gen<(int, int, int)> Triple() =>
        Gen.Choose(0, 30).Three().Select(t => (t.Item1, t.Item2, t.Item3));

    private static SemanticVersion Parse(string text) =>
        SemanticVersion.TryParse(text, out var version) ? version : throw new FormatException(text);
}
