using System.Buffers.Binary;
using QbConnector.TrayUi.Status;
using QbConnector.TrayUi.Tray;

namespace QbConnector.TrayUi.Tests.Tray;

public sealed class IconImageTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void Each_icon_is_a_well_formed_32_bit_icon_bitmap(int size)
    {
        var dib = IconImage.Dib(OverallKind.AllGood, size);

        BinaryPrimitives.ReadInt32LittleEndian(dib).Should().Be(IconImage.HeaderSize);
        BinaryPrimitives.ReadInt32LittleEndian(dib.AsSpan(4)).Should().Be(size);
        BinaryPrimitives.ReadInt32LittleEndian(dib.AsSpan(8)).Should().Be(size * 2);
        BinaryPrimitives.ReadInt16LittleEndian(dib.AsSpan(14)).Should().Be(32);
        dib.Length.Should().Be(IconImage.HeaderSize + (size * size * 4) + (((size + 31) / 32) * 4 * size));
    }

    [Fact]
    public void The_four_states_have_four_different_colours_and_the_centre_pixel_shows_it()
    {
        Enum.GetValues<OverallKind>().Select(IconImage.Colour).Distinct().Should().HaveCount(4);

        var dib = IconImage.Dib(OverallKind.NeedsYou, 32);
        var centre = IconImage.HeaderSize + (((16 * 32) + 16) * 4);
        var (r, g, b) = IconImage.Colour(OverallKind.NeedsYou);
        dib.AsSpan(centre, 4).ToArray().Should().Equal(b, g, r, (byte)255);
        dib.AsSpan(IconImage.HeaderSize, 4).ToArray().Should().Equal(0, 0, 0, 0); // a transparent corner
    }
}
