using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Latency;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.LoadDriver;

/// <summary>
/// The limit: the connector's own qbXML requests (from its trace) sent straight to a sandbox
/// session with the same latency profile, one after another, answers discarded. Iterator ids are
/// mapped from the traced answers to the live ones.
/// </summary>
internal static class TraceReplay
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1L << 30 };

    public sealed record Result(TimeSpan Elapsed, int Requests, TimeSpan FileOpen);

    /// <summary>How many requests the trace holds so far.</summary>
    public static int RequestCount(string traceDirectory) => Directory.EnumerateFiles(traceDirectory, "??????-request.xml").Count();

    /// <summary>
    /// Replays every request of the trace after the first <paramref name="skip"/> (linking's own
    /// questions left out unless asked) on one company file.
    /// </summary>
    public static Result Run(string traceDirectory, string companyFile, SandboxLatency latency, bool includeLink = false, int skip = 0)
    {
        var requests = Directory.EnumerateFiles(traceDirectory, "??????-request.xml").Order(StringComparer.Ordinal).Skip(skip).ToList();
        using var session = new SandboxQbSession(new SandboxSessionOptions { Latency = latency });
        session.OpenConnection("", "load driver");
        var opening = Stopwatch.StartNew();
        var ticket = session.BeginSession(companyFile, QbFileMode.DoNotCare);
        var fileOpen = opening.Elapsed;
        var iterators = new Dictionary<string, string>(StringComparer.Ordinal);
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var path in requests)
        {
            var request = File.ReadAllText(path);
            var first = FirstRequest(request);
            if (!includeLink && ((string?)first.Attribute("requestID") ?? "").StartsWith("link-", StringComparison.Ordinal))
            {
                continue;
            }

            if ((string?)first.Attribute("iteratorID") is { } traced && iterators.TryGetValue(traced, out var live))
            {
                first.SetAttributeValue("iteratorID", live);
                request = first.Document!.ToString(SaveOptions.DisableFormatting);
            }

            var answer = session.ProcessRequest(ticket, request);
            sent++;
            if ((string?)first.Attribute("iterator") == "Start")
            {
                var tracedAnswer = path.Replace("-request.xml", "-response.xml", StringComparison.Ordinal);
                if (File.Exists(tracedAnswer) && IteratorId(File.ReadAllText(tracedAnswer)) is { } tracedId && IteratorId(answer) is { } liveId)
                {
                    iterators[tracedId] = liveId;
                }
            }
        }

        var elapsed = clock.Elapsed;
        session.EndSession(ticket);
        session.CloseConnection();
        return new Result(elapsed, sent, fileOpen);
    }

    private static XElement FirstRequest(string requestXml)
    {
        using var reader = XmlReader.Create(new StringReader(requestXml), Safe);
        var document = XDocument.Load(reader);
        return document.Root!.Element("QBXMLMsgsRq")!.Elements().First();
    }

    private static string? IteratorId(string responseXml)
    {
        using var reader = XmlReader.Create(new StringReader(responseXml), Safe);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute("iteratorID") is { } id)
            {
                return id;
            }
        }

        return null;
    }
}
