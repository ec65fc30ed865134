using System.Xml;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.QbGateway.Sandbox.Queries;

/// <summary>HostQuery and CompanyQuery: what QuickBooks is, and the company (the region check reads HostRet's Country).</summary>
internal static class HostAndCompanyHandler
{
    public static RequestResult Host(XElement request, SessionContext context, IReadOnlyList<string> versions)
    {
        var company = context.Company;
        return new RequestResult
        {
            ResponseName = "HostQueryRs",
            RequestId = (string?)request.Attribute("requestID"),
            Body = writer =>
            {
                writer.WriteStartElement("HostRet");
                writer.WriteElementString("ProductName", company.ProductName);
                writer.WriteElementString("MajorVersion", "33");
                writer.WriteElementString("MinorVersion", "0");
                writer.WriteElementString("Country", company.Country.ToString());
                foreach (var version in versions)
                {
                    writer.WriteElementString("SupportedQBXMLVersion", version);
                }

                writer.WriteElementString("IsAutomaticLogin", context.AutomaticLogin ? "true" : "false");
                writer.WriteElementString("QBFileMode", context.Mode == QbFileMode.MultiUser ? "MultiUser" : "SingleUser");
                writer.WriteEndElement();
            },
        };
    }

    public static RequestResult Company(XElement request, SessionContext context)
    {
        var company = context.Company;
        return new RequestResult
        {
            ResponseName = "CompanyQueryRs",
            RequestId = (string?)request.Attribute("requestID"),
            Body = writer =>
            {
                writer.WriteStartElement("CompanyRet");
                writer.WriteElementString("IsSampleCompany", "false");
                writer.WriteElementString("CompanyName", company.Name);
                writer.WriteElementString("LegalCompanyName", company.LegalName);
                WriteAddress(writer, "Address", company);
                WriteAddress(writer, "LegalAddress", company);
                writer.WriteElementString("Phone", company.Phone);
                writer.WriteElementString("FirstMonthFiscalYear", company.FirstMonthFiscalYear);
                writer.WriteElementString("FirstMonthIncomeTaxYear", company.FirstMonthFiscalYear);
                writer.WriteEndElement();
            },
        };
    }

    private static void WriteAddress(XmlWriter writer, string name, Store.SandboxCompany company)
    {
        writer.WriteStartElement(name);
        writer.WriteElementString("Addr1", company.Addr1);
        writer.WriteElementString("City", company.City);
        writer.WriteElementString("State", company.State);
        writer.WriteElementString("PostalCode", company.PostalCode);
        writer.WriteElementString("Country", company.Country switch
        {
            Generation.CompanyCountry.CA => "Canada",
            Generation.CompanyCountry.UK => "United Kingdom",
            _ => "US",
        });
        writer.WriteEndElement();
    }
}
