using System.Buffers.Binary;
using QbConnector.TrayUi.Status;

namespace QbConnector.TrayUi.Tray;

/// <summary>
/// The tray icons, drawn in code (no image files to ship): a filled disc in the state's colour,
/// as the device-independent bitmap an icon resource holds (what CreateIconFromResourceEx takes).
/// </summary>
internal static class IconImage
{
    public const int HeaderSize = 40;

    public static (byte R, byte G, byte B) Colour(OverallKind kind) => kind switch
    {
        OverallKind.AllGood => (0x1E, 0x8E, 0x3E),
        OverallKind.Syncing => (0x1A, 0x73, 0xE8),
        OverallKind.NeedsYou => (0xD9, 0x30, 0x25),
        _ => (0x80, 0x86, 0x8B),
    };

    /// <summary>BITMAPINFOHEADER, then 32-bit BGRA rows bottom-up, then the 1-bit AND mask (all zero: alpha decides).</summary>
    public static byte[] Dib(OverallKind kind, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        var maskStride = ((size + 31) / 32) * 4;
        var bytes = new byte[HeaderSize + (size * size * 4) + (maskStride * size)];
        var header = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(header, HeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], size);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], size * 2); // colour and mask, stacked
        BinaryPrimitives.WriteInt16LittleEndian(header[12..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[14..], 32);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], size * size * 4);

        var (r, g, b) = Colour(kind);
        var centre = (size - 1) / 2.0;
        var radius = size / 2.0 - 0.5;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var distance = Math.Sqrt(((x - centre) * (x - centre)) + ((y - centre) * (y - centre)));
                // One pixel of soft edge so the disc does not look jagged.
                var coverage = Math.Clamp(radius - distance + 0.5, 0, 1);
                var hollow = kind == OverallKind.EngineNotRunning && distance < radius * 0.55;
                var alpha = (byte)(hollow ? 0 : coverage * 255);
                var offset = HeaderSize + ((((size - 1 - y) * size) + x) * 4);
                bytes[offset] = (byte)(b * alpha / 255);
                bytes[offset + 1] = (byte)(g * alpha / 255);
                bytes[offset + 2] = (byte)(r * alpha / 255);
                bytes[offset + 3] = alpha;
            }
        }

        return bytes;
    }
}
