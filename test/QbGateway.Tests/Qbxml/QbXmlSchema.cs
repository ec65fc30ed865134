using System.Xml;
using System.Xml.Schema;

namespace QbConnector.QbGateway.Tests.Qbxml;

/// <summary>Strict validation of request documents against Intuit's qbXML 13.0 schema in ../shared.</summary>
public static class QbXmlSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, SharedFiles.QbXmlRootSchema);
        set.Compile();
        return set;
    });

    /// <summary>Every validation error and warning of the document (empty when valid).</summary>
    public static IReadOnlyList<string> Problems(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber}, col {e.Exception?.LinePosition})");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    public static void ShouldBeValid(string xml)
    {
        var problems = Problems(xml);
        problems.Should().BeEmpty("the document must validate against qbXML 13.0:\n" + xml);
    }
}
