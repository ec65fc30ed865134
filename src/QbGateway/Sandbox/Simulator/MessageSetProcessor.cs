using System.Text;
using System.Xml;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Queries;
using QbConnector.QbGateway.Sandbox.Reports;
using QbConnector.QbGateway.Sandbox.Store;
using QbConnector.QbGateway.Sandbox.Writes;

namespace QbConnector.QbGateway.Sandbox.Simulator;

/// <summary>
/// Runs one message set: stopOnError (stop at the first error, keep what was done) or continueOnError,
/// requestID checks, error recovery (stored outcomes per application and company file).
/// </summary>
internal sealed class MessageSetProcessor(SessionContext context, IReadOnlyList<string> versions)
{
    /// <summary>messageSetStatusCode when nothing is stored for this application.</summary>
    public const int NothingStored = 9002;

    /// <summary>messageSetStatusCode when the stored outcome has another id.</summary>
    public const int NoSuchMessageSet = 600;

    private static readonly XmlWriterSettings WriterSettings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    public int RecordsReturned { get; private set; }

    public int Writes { get; private set; }

    public string Process(MessageSetRequest request)
    {
        if (request.Requests.Count == 0 && request.OldMessageSetId is { } oldId)
        {
            return Recover(oldId, request.NewMessageSetId);
        }

        // QuickBooks is its own process: once it has a message set, the writes and the outcome it
        // stores for recovery happen together, whatever becomes of the application that sent it.
        // The sandbox lives in the application's process, so it makes them one transaction.
        using var recoverable = request.NewMessageSetId is not null && request.Requests.Any(e => WriteHandlers.Handles(e.Name.LocalName))
            ? context.Store.BeginTransaction()
            : null;
        var results = new List<RequestResult>();
        foreach (var element in request.Requests)
        {
            var result = Handle(element, nested: recoverable is not null);
            results.Add(result);
            RecordsReturned += result.RecordsReturned;
            Writes += result.IsWrite ? 1 : 0;
            if (result.IsError && request.OnError == OnErrorMode.StopOnError)
            {
                break;
            }
        }

        var response = Write(results, request.NewMessageSetId, null);
        if (request.NewMessageSetId is { } newId)
        {
            context.Store.SetMessageSet(context.AppId, newId, response);
        }

        recoverable?.Commit();
        return response;
    }

    private string Recover(string oldId, string? newId)
    {
        var stored = context.Store.GetMessageSet(context.AppId);
        if (stored is null)
        {
            return Write([], newId, NothingStored);
        }

        if (!string.Equals(stored.Value.MessageSetId, oldId, StringComparison.Ordinal))
        {
            return Write([], newId, NoSuchMessageSet);
        }

        if (newId is null)
        {
            // <QBXMLMsgsRq oldMessageSetID="X"> with no requests: the application has the outcome; forget it.
            context.Store.ClearMessageSet(context.AppId);
            return Write([], null, 0);
        }

        return stored.Value.Response;
    }

    private RequestResult Handle(XElement element, bool nested)
    {
        var name = element.Name.LocalName;
        var requestId = (string?)element.Attribute("requestID");
        var responseName = name[..^2] + "Rs";
        if (requestId is { Length: > 50 })
        {
            return RequestResult.Status(responseName, requestId, 1060, "Error", StatusMessages.BadRequestId(requestId));
        }

        switch (name)
        {
            case "HostQueryRq":
                return HostAndCompanyHandler.Host(element, context, versions);
            case "CompanyQueryRq":
                return HostAndCompanyHandler.Company(element, context);
            case "ListDeletedQueryRq":
            case "TxnDeletedQueryRq":
                return DeletedQueryHandler.Handle(element, context);
            case "GeneralSummaryReportQueryRq":
                return ReportHandler.Handle(element, context);
        }

        if (WriteHandlers.Handles(name))
        {
            return nested ? HandleWriteInSavepoint(element) : HandleWriteAlone(element);
        }

        if (SandboxDataType.ForQuery(name) is { } types)
        {
            return RecordQueryHandler.Handle(element, context, types);
        }

        return RequestResult.Status(responseName, requestId, 3250, "Warn", StatusMessages.NotSimulated(name));
    }

    /// <summary>One write on its own: all of it or nothing.</summary>
    private RequestResult HandleWriteAlone(XElement element)
    {
        using var transaction = context.Store.BeginTransaction();
        var result = WriteHandlers.Handle(element, context);
        if (result.IsError)
        {
            transaction.Dispose();
        }
        else
        {
            transaction.Commit();
        }

        return result;
    }

    /// <summary>One write of a recoverable message set: all of it or nothing, inside the set's transaction.</summary>
    private RequestResult HandleWriteInSavepoint(XElement element)
    {
        context.Store.Execute("SAVEPOINT write_request");
        var result = WriteHandlers.Handle(element, context);
        if (result.IsError)
        {
            context.Store.Execute("ROLLBACK TO write_request");
        }

        context.Store.Execute("RELEASE write_request");
        return result;
    }

    private static string Write(IReadOnlyList<RequestResult> results, string? newMessageSetId, int? messageSetStatus)
    {
        var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("QBXML");
            writer.WriteStartElement("QBXMLMsgsRs");
            if (newMessageSetId is not null)
            {
                writer.WriteAttributeString("newMessageSetID", newMessageSetId);
            }

            if (messageSetStatus is { } status)
            {
                writer.WriteAttributeString("messageSetStatusCode", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var result in results)
            {
                writer.WriteStartElement(result.ResponseName);
                if (result.RequestId is not null)
                {
                    writer.WriteAttributeString("requestID", result.RequestId);
                }

                writer.WriteAttributeString("statusCode", result.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteAttributeString("statusSeverity", result.Severity);
                writer.WriteAttributeString("statusMessage", result.Message);
                if (result.RetCount is { } retCount)
                {
                    writer.WriteAttributeString("retCount", retCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                if (result.IteratorRemainingCount is { } remaining)
                {
                    writer.WriteAttributeString("iteratorRemainingCount", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                if (result.IteratorId is not null)
                {
                    writer.WriteAttributeString("iteratorID", result.IteratorId);
                }

                result.Body?.Invoke(writer);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
