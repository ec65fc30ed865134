using System.Xml;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.QbGateway.Sandbox.Schema;

namespace QbConnector.QbGateway.Sandbox.Simulator;

internal enum OnErrorMode
{
    StopOnError,
    ContinueOnError,
}

/// <summary>A parsed, schema-checked qbXML request document.</summary>
internal sealed class MessageSetRequest
{
    private const int MaxDocumentCharacters = 64 * 1024 * 1024;

    private static readonly string[] IteratorQueries =
    [
        "CustomerQueryRq", "VendorQueryRq", "ItemQueryRq", "ItemServiceQueryRq", "ItemNonInventoryQueryRq", "ItemOtherChargeQueryRq",
        "ItemInventoryQueryRq", "ItemSalesTaxQueryRq",
    ];

    private MessageSetRequest(string version, OnErrorMode onError, string? oldMessageSetId, string? newMessageSetId, IReadOnlyList<XElement> requests)
    {
        Version = version;
        OnError = onError;
        OldMessageSetId = oldMessageSetId;
        NewMessageSetId = newMessageSetId;
        Requests = requests;
    }

    public string Version { get; }

    public OnErrorMode OnError { get; }

    public string? OldMessageSetId { get; }

    public string? NewMessageSetId { get; }

    public IReadOnlyList<XElement> Requests { get; }

    /// <summary>Parses and validates; any failure is the SDK's 0x80040400 (no response body at all).</summary>
    public static MessageSetRequest Parse(string xml, IReadOnlyList<string> supportedVersions)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxDocumentCharacters,
                MaxCharactersFromEntities = 0,
                IgnoreComments = true,
            };
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException)
        {
            throw SdkErrors.Create(SdkErrors.ParseError);
        }

        var version = document.Nodes().OfType<XProcessingInstruction>().FirstOrDefault(p => p.Target == "qbxml")?.Data;
        var versionValue = version is null ? null : ParseVersion(version);
        if (versionValue is null)
        {
            throw SdkErrors.Create(SdkErrors.ParseError);
        }

        if (!supportedVersions.Contains(versionValue, StringComparer.Ordinal))
        {
            throw SdkErrors.Create(SdkErrors.VersionNotSupported);
        }

        var root = document.Root;
        if (root is null || root.Name != "QBXML" || root.Elements().Count() != 1 || root.Elements().Single().Name != "QBXMLMsgsRq")
        {
            throw SdkErrors.Create(SdkErrors.ParseError);
        }

        var messages = root.Elements().Single();
        var onErrorText = (string?)messages.Attribute("onError");
        var onError = onErrorText switch
        {
            "stopOnError" => OnErrorMode.StopOnError,
            "continueOnError" => OnErrorMode.ContinueOnError,
            "rollbackOnError" => throw SdkErrors.Create(SdkErrors.RollbackNotSupported),
            _ => throw SdkErrors.Create(SdkErrors.ParseError),
        };

        var requests = messages.Elements().ToList();
        foreach (var request in requests)
        {
            var name = request.Name.LocalName;
            if (!QbXmlContentModels.AllRequestNames.Contains(name) || RequestValidator.Validate(request) is not null || !AttributesValid(request))
            {
                throw SdkErrors.Create(SdkErrors.ParseError);
            }
        }

        return new MessageSetRequest(versionValue, onError, (string?)messages.Attribute("oldMessageSetID"), (string?)messages.Attribute("newMessageSetID"), requests);
    }

    /// <summary>Transaction queries and the list queries that support iterators accept the iterator attributes; nothing else does.</summary>
    private static bool AttributesValid(XElement request)
    {
        var name = request.Name.LocalName;
        var acceptsIterator = IteratorQueries.Contains(name, StringComparer.Ordinal)
            || (name.EndsWith("QueryRq", StringComparison.Ordinal) && Store.SandboxDataType.ForQuery(name) is [{ IsList: false }]);
        foreach (var attribute in request.Attributes())
        {
            switch (attribute.Name.LocalName)
            {
                case "requestID":
                    break;
                case "metaData" when name.EndsWith("QueryRq", StringComparison.Ordinal):
                    if (attribute.Value is not ("NoMetaData" or "MetaDataOnly" or "MetaDataAndResponseData"))
                    {
                        return false;
                    }

                    break;
                case "iterator" when acceptsIterator:
                    if (attribute.Value is not ("Start" or "Continue" or "Stop"))
                    {
                        return false;
                    }

                    break;
                case "iteratorID" when acceptsIterator:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static string? ParseVersion(string data)
    {
        // <?qbxml version="13.0"?>
        const string key = "version=\"";
        var start = data.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += key.Length;
        var end = data.IndexOf('"', start);
        return end < 0 ? null : data[start..end];
    }
}
