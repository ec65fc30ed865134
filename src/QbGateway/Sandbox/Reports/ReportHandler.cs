using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;

namespace QbConnector.QbGateway.Sandbox.Reports;

internal static class ReportHandler
{
    public static RequestResult Handle(XElement request, SessionContext context) =>
        RequestResult.Status("GeneralSummaryReportQueryRs", (string?)request.Attribute("requestID"), 3250, "Warn", StatusMessages.NotSimulated(request.Name.LocalName));
}
