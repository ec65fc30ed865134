using System.Globalization;
using System.Text;
using System.Xml;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Qbxml.Responses;

/// <summary>
/// Streams a qbXML response document: one response header at a time, then its records one at a
/// time, without building a DOM, so a 50 MB page costs memory for one record only.
/// DTDs are prohibited, nothing is resolved, and the document size is limited. Unknown elements
/// and enum values are kept, not refused. Every failure is a <see cref="QbResponseFormatException"/>.
/// </summary>
/// <example>
/// using var reader = QbResponseReader.Create(xml);
/// while (reader.NextResponse() is { } header) { foreach (var record in reader.ReadRecords()) … }
/// </example>
public sealed class QbResponseReader : IDisposable
{
    private readonly XmlReader _reader;
    private readonly QbResponseReaderOptions _options;
    private bool _started;
    private bool _finished;
    private bool _inResponse;
    private QbResponseHeader? _current;

    private QbResponseReader(XmlReader reader, QbResponseReaderOptions options)
    {
        _reader = reader;
        _options = options;
    }

    /// <summary>newMessageSetID of the message set, once the first response was asked for.</summary>
    public string? NewMessageSetId { get; private set; }

    /// <summary>
    /// messageSetStatusCode of the message set (error recovery: 9002 nothing stored, 600 no such
    /// message set), once the first response was asked for.
    /// </summary>
    public int? MessageSetStatusCode { get; private set; }

    public static QbResponseReader Create(string xml, QbResponseReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Create(new StringReader(xml), options);
    }

    public static QbResponseReader Create(TextReader text, QbResponseReaderOptions? options = null)
    {
        options ??= QbResponseReaderOptions.Default;
        var settings = QbRecordXml.SafeReaderSettings(options.MaxCharactersInDocument);
        settings.CloseInput = true;
        return new QbResponseReader(XmlReader.Create(text, settings), options);
    }

    public static QbResponseReader Create(Stream bytes, QbResponseReaderOptions? options = null)
    {
        options ??= QbResponseReaderOptions.Default;
        return new QbResponseReader(XmlReader.Create(bytes, QbRecordXml.SafeReaderSettings(options.MaxCharactersInDocument)), options);
    }

    /// <summary>Moves to the next response element; null when the message set has no more.</summary>
    public QbResponseHeader? NextResponse()
    {
        try
        {
            return Guard(MoveToNextResponse);
        }
        catch (QbResponseFormatException)
        {
            _finished = true;
            throw;
        }
    }

    /// <summary>The current response's records, streamed one at a time.</summary>
    public IEnumerable<QbRecord> ReadRecords()
    {
        while (Guard(ReadNextRecord) is { } record)
        {
            yield return record;
        }
    }

    /// <summary>The current response's next record, or null at its end.</summary>
    public QbRecord? ReadRecord() => Guard(ReadNextRecord);

    public void Dispose() => _reader.Dispose();

    private static T Guard<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (XmlException ex)
        {
            throw new QbResponseFormatException("The response is not well-formed or allowed XML: " + ex.Message, ex);
        }
        catch (QbRecordFormatException ex)
        {
            throw new QbResponseFormatException("A record in the response is malformed: " + ex.Message, ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new QbResponseFormatException("The response is not valid text: " + ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new QbResponseFormatException("The response could not be read: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new QbResponseFormatException("The response could not be read: " + ex.Message, ex);
        }
    }

    private void StartDocument()
    {
        _started = true;
        if (_reader.MoveToContent() != XmlNodeType.Element || !string.Equals(_reader.Name, "QBXML", StringComparison.Ordinal))
        {
            throw new QbResponseFormatException($"The response's root element is '{_reader.Name}', not QBXML.");
        }

        if (_reader.IsEmptyElement)
        {
            throw new QbResponseFormatException("The response holds no message set.");
        }

        _reader.Read();
        while (true)
        {
            if (!MoveToSiblingElement())
            {
                throw new QbResponseFormatException("The response holds no QBXMLMsgsRs message set.");
            }

            if (string.Equals(_reader.Name, "QBXMLMsgsRs", StringComparison.Ordinal))
            {
                break;
            }

            _reader.Skip();
        }

        NewMessageSetId = _reader.GetAttribute("newMessageSetID");
        var status = _reader.GetAttribute("messageSetStatusCode");
        MessageSetStatusCode = status is null ? null : ParseInt("messageSetStatusCode", status);
        if (_reader.IsEmptyElement)
        {
            _finished = true;
            _reader.Read();
            return;
        }

        _reader.Read();
    }

    private QbResponseHeader? MoveToNextResponse()
    {
        if (!_started)
        {
            StartDocument();
        }

        while (_inResponse && ReadNextRecord() is not null)
        {
            // Skip what the caller did not read.
        }

        if (_finished)
        {
            return null;
        }

        if (!MoveToSiblingElement())
        {
            _finished = true;
            DrainDocument();
            return null;
        }

        var name = _reader.Name;
        var code = _reader.GetAttribute("statusCode") ?? throw new QbResponseFormatException($"{name} has no statusCode.");
        _current = new QbResponseHeader
        {
            ElementName = name,
            RequestId = _reader.GetAttribute("requestID"),
            StatusCode = ParseInt("statusCode", code),
            StatusSeverity = _reader.GetAttribute("statusSeverity") ?? string.Empty,
            StatusMessage = _reader.GetAttribute("statusMessage"),
            RetCount = OptionalInt("retCount"),
            IteratorRemainingCount = OptionalInt("iteratorRemainingCount"),
            IteratorId = _reader.GetAttribute("iteratorID"),
            DataType = DataTypeOf(name),
        };

        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            _inResponse = false;
        }
        else
        {
            _reader.Read();
            _inResponse = true;
        }

        return _current;
    }

    private QbRecord? ReadNextRecord()
    {
        if (!_inResponse)
        {
            return null;
        }

        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    var dataType = _current!.DataType ?? QbCatalog.FindByRetElement(_reader.Name)?.DataType ?? "unknown";
                    return QbRecordXml.ReadRet(_reader, dataType, _options.MaxRecordDepth);
                case XmlNodeType.EndElement:
                    _reader.Read();
                    _inResponse = false;
                    return null;
                case XmlNodeType.None:
                    throw new QbResponseFormatException("The response ends inside " + _current!.ElementName + ".");
                case XmlNodeType.Text or XmlNodeType.CDATA when !string.IsNullOrWhiteSpace(_reader.Value):
                    throw new QbResponseFormatException($"{_current!.ElementName} holds text where records belong.");
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    /// <summary>Moves to the next element at this level; false at the parent's end tag.</summary>
    private bool MoveToSiblingElement()
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    return false;
                case XmlNodeType.None:
                    throw new QbResponseFormatException("The response ends before its closing tags.");
                case XmlNodeType.Text or XmlNodeType.CDATA when !string.IsNullOrWhiteSpace(_reader.Value):
                    throw new QbResponseFormatException("The response holds text where elements belong.");
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    /// <summary>Reads to the end so a truncated document is noticed even after the last response.</summary>
    private void DrainDocument()
    {
        while (_reader.Read())
        {
        }
    }

    private int? OptionalInt(string attribute)
    {
        var value = _reader.GetAttribute(attribute);
        return value is null ? null : ParseInt(attribute, value);
    }

    private static int ParseInt(string attribute, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new QbResponseFormatException($"{attribute} '{value}' is not a whole number.");

    private static string? DataTypeOf(string responseElement)
    {
        var query = QbCatalog.FindByQueryResponse(responseElement);
        if (query is not null)
        {
            return query.DataType;
        }

        if (responseElement.EndsWith("Rs", StringComparison.Ordinal))
        {
            var request = responseElement[..^2] + "Rq";
            var write = QbCatalog.All.FirstOrDefault(e => string.Equals(e.AddRequest, request, StringComparison.Ordinal) || string.Equals(e.ModRequest, request, StringComparison.Ordinal));
            if (write is not null)
            {
                return write.DataType;
            }
        }

        return null;
    }
}
