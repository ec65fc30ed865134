using System.Globalization;
using System.Xml;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>Checks that text can be carried literally in an XML document.</summary>
public static class QbXmlText
{
    /// <summary>
    /// Why the text cannot be written as XML (a control character, a lone surrogate, U+FFFE…),
    /// or null when it can. Such text is refused rather than silently altered.
    /// </summary>
    public static string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"contains U+{(int)c:X4} at position {i}, which XML cannot carry");
            }
        }

        return null;
    }
}
