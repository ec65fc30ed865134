using System.Text;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Tests.Records;

/// <summary>FsCheck generators for field values (hostile ones included) and record trees.</summary>
public static class QbRecordGen
{
    private static readonly string[] Hostile =
    [
        "", " ", "   ", "\t", "\r\n", "\r", "\n", "<", ">", "&", "&amp;", "\"", "'", "]]>", "<![CDATA[x]]>",
        "</InvoiceRet><Injected>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "&#x0;",
        "😀", "𝄞 clef", "naïve café", "\u00A0", "\u2028", "\uFEFF", "\uFFFD", "Ω≈ç√", "x\u0085y", "a\tb\r\nc",
        "\\", "{\"json\":1}", "$order", "#text", "@attr",
    ];

    /// <summary>One character legal in XML 1.0, as a string (non-BMP as a surrogate pair).</summary>
    public static Gen<string> XmlChar { get; } = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (1, Gen.Elements("\t", "\n", "\r")),
        (2, Gen.Choose(0xA0, 0xD7FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0xE000, 0xFFFD).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));

    /// <summary>A text value legal in XML: hostile fixed strings or random legal characters.</summary>
    public static Gen<string> XmlText { get; } = Gen.Frequency(
        (1, Gen.Elements(Hostile)),
        (3, Gen.ListOf(XmlChar).Select(cs => string.Concat(cs))),
        (1, Gen.Two(Gen.Elements(Hostile)).Select(p => p.Item1 + "mid" + p.Item2)));

    /// <summary>Names drawn from a small pool so repeats and interleavings are common.</summary>
    public static Gen<string> Name { get; } = Gen.Elements("ListID", "Name", "Memo", "Ref", "Line", "LineGroup", "Amount", "Addr1", "X_Unknown");

    public static Gen<QbField> Field(int depth) =>
        depth <= 0 ? Leaf : Gen.Frequency((3, Leaf), (1, Aggregate(depth)));

    public static Gen<QbField> Leaf { get; } =
        from name in Name
        from value in XmlText
        from attrs in Attributes
        select QbField.Leaf(name, value, attrs);

    public static Gen<QbField> Aggregate(int depth) =>
        from name in Name
        from count in Gen.Choose(1, 6)
        from children in Gen.ListOf(Field(depth - 1), count)
        from attrs in Attributes
        select QbField.Aggregate(name, children, attrs);

    private static Gen<KeyValuePair<string, string>[]> Attributes { get; } = Gen.Frequency(
        (6, Gen.Constant(Array.Empty<KeyValuePair<string, string>>())),
        (1, XmlText.Select(v => new[] { new KeyValuePair<string, string>("colID", v) })),
        (1, Gen.Two(XmlText).Select(p => new[] { new KeyValuePair<string, string>("a", p.Item1), new KeyValuePair<string, string>("b", p.Item2) })));

    public static Gen<QbRecord> Record { get; } =
        from ret in Gen.Elements("CustomerRet", "InvoiceRet", "ItemServiceRet", "JournalEntryRet")
        from id in Gen.Elements("80000003-1446676743", "1A-123", "")
        from edit in Gen.Elements("1446676743", "0")
        from count in Gen.Choose(0, 8)
        from fields in Gen.ListOf(Field(3), count)
        select new QbRecord(
            "things",
            ret,
            new[] { QbField.Leaf(ret == "InvoiceRet" ? "TxnID" : "ListID", id), QbField.Leaf("EditSequence", edit) }.Concat(fields));

    public static Arbitrary<QbRecord> RecordArb { get; } = Arb.From(Record);

    /// <summary>Text for reading in failure messages.</summary>
    public static string Describe(string value)
    {
        var sb = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            sb.Append(rune.Value is >= 0x20 and < 0x7F ? rune.ToString() : $"\\u{rune.Value:X4}");
        }

        return sb.ToString();
    }
}
