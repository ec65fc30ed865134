using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Schema;

namespace QbConnector.QbGateway.Tests.Sandbox.Schema;

public sealed class RequestValidatorTests
{
    [Theory]
    [InlineData("<CustomerQueryRq><MaxReturned>5</MaxReturned><ActiveStatus>All</ActiveStatus></CustomerQueryRq>")]
    [InlineData("<CustomerQueryRq><FromModifiedDate>2024-05-01</FromModifiedDate><ToModifiedDate>2024-04-01</ToModifiedDate></CustomerQueryRq>")]
    [InlineData("<InvoiceQueryRq><MaxReturned>5</MaxReturned><IncludeLineItems>true</IncludeLineItems></InvoiceQueryRq>")]
    [InlineData("<InvoiceQueryRq><ModifiedDateRangeFilter><FromModifiedDate>2024-05-01</FromModifiedDate></ModifiedDateRangeFilter></InvoiceQueryRq>")]
    [InlineData("<HostQueryRq />")]
    [InlineData("<CustomerAddRq><CustomerAdd><Name>A</Name><CompanyName>B</CompanyName></CustomerAdd></CustomerAddRq>")]
    public void Accepts_requests_in_schema_order(string xml)
    {
        RequestValidator.Validate(XElement.Parse(xml)).Should().BeNull();
    }

    [Theory]
    [InlineData("<CustomerQueryRq><ActiveStatus>All</ActiveStatus><MaxReturned>5</MaxReturned></CustomerQueryRq>")]
    [InlineData("<CustomerQueryRq><ListID>1</ListID><MaxReturned>5</MaxReturned></CustomerQueryRq>")]
    [InlineData("<CustomerQueryRq><ActiveStatus>Sometimes</ActiveStatus></CustomerQueryRq>")]
    [InlineData("<CustomerAddRq><CustomerAdd><CompanyName>B</CompanyName></CustomerAdd></CustomerAddRq>")]
    [InlineData("<CustomerAddRq><CustomerAdd><CompanyName>B</CompanyName><Name>A</Name></CustomerAdd></CustomerAddRq>")]
    [InlineData("<InvoiceQueryRq><IncludeLineItems>true</IncludeLineItems><MaxReturned>5</MaxReturned></InvoiceQueryRq>")]
    public void Rejects_requests_out_of_schema_order_or_with_bad_values(string xml)
    {
        RequestValidator.Validate(XElement.Parse(xml)).Should().NotBeNull();
    }
}
